package fr.education.imagin.core.web;

/** Keys of what the core handlers put in the routing context, read by later steps. */
public final class ContextKeys {
    public static final String TENANT = "imagin.tenant";

    private ContextKeys() {
    }
}
