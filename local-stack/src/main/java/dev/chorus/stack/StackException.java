package dev.chorus.stack;

import java.nio.file.Path;

/** A component of the stack failed: names it, says why, and points at its log and what it wrote since it started. */
public class StackException extends RuntimeException {
    private final String component;
    private final Path log;
    private final String logSinceStart;

    public StackException(String component, String message, Path log) {
        this(component, message, log, null);
    }

    public StackException(String component, String message, Path log, String logSinceStart) {
        super(component + ": " + message);
        this.component = component;
        this.log = log;
        this.logSinceStart = logSinceStart;
    }

    /** The end of what the component wrote to its log since it was started, or null (then show the log's end). */
    public String logSinceStart() {
        return logSinceStart;
    }

    public String component() {
        return component;
    }

    public Path log() {
        return log;
    }
}
