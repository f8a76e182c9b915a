package eu.passerelle.config;

import io.javalin.security.RouteRole;
import java.util.Locale;
import java.util.Optional;

/** What an API key may do: advisors read candidate profiles, writers feed postings and trainings, admins all. */
public enum Role implements RouteRole {
    ADMIN, ADVISOR, WRITER;

    public static Optional<Role> parse(String s) {
        try {
            return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
