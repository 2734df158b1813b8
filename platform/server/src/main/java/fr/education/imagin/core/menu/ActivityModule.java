package fr.education.imagin.core.menu;

/**
 * One activity's screens. A module declares which activity it serves and mounts its routes on
 * the {@link ActivityRouter} it is given, whose paths are relative to {@code /:tenant/<code>}
 * and already behind the tenant, session, CSRF, access policy and activity guard.
 */
public interface ActivityModule {

    Activity activity();

    void mount(ActivityRouter routes);
}
