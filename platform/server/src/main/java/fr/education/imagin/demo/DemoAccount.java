package fr.education.imagin.demo;

import fr.education.imagin.core.security.Role;

/** A demo account printed at start so a newcomer can sign in. */
public record DemoAccount(String login, String password, Role role, String tenantCode, String description) {
}
