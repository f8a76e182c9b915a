package eu.passerelle.config;

/** A configuration that cannot start the service; its message says what to change. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
