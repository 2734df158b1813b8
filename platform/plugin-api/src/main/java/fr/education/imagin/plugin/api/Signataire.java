package fr.education.imagin.plugin.api;

/** Whose signature block a convocation carries (SPEC CONV-14, SIG-1). */
public enum Signataire {
    CHEF_DE_CENTRE,
    CHEF_D_ETABLISSEMENT
}
