package io.greetbench.core;

/** The part every {@link ServerRuntime} has alike: its name and its one-line description. */
public abstract class NamedServerRuntime implements ServerRuntime {
    private final String name;
    private final String description;

    protected NamedServerRuntime(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public String toString() {
        return name;
    }
}
