package fr.education.imagin.demo;

import fr.education.imagin.core.security.Role;

import java.util.List;

/** A demo account printed at start so a newcomer can sign in; {@code uais} are its delegations. */
public record DemoAccount(String login, String password, Role role, String tenantCode, List<String> uais, String description) {
}
