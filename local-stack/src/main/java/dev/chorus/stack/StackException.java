package dev.chorus.stack;

import java.nio.file.Path;

/** A component of the stack failed: names it, says why, and points at its log. */
public class StackException extends RuntimeException {
    private final String component;
    private final Path log;

    public StackException(String component, String message, Path log) {
        super(component + ": " + message);
        this.component = component;
        this.log = log;
    }

    public String component() {
        return component;
    }

    public Path log() {
        return log;
    }
}
