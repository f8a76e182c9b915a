package eu.passerelle.model;

/** An organisation involved in a training: who delivers, certifies, funds or hosts it. */
public record Provider(String name, String role, String country) {
    public Provider {
        name = Nulls.s(name); role = Nulls.s(role); country = Nulls.s(country);
    }
}
