package fr.education.imagin.plugin.api;

/** How the convocation calendar offers dates for a mission type (SPEC CONV-6). */
public enum DateRule {
    /** The mission's (or the chosen commission's) dates, pre-selected. */
    MISSION_DATES,
    /** Only the dates the academy office set on the mission, pre-selected (COEC, PRECE). */
    OFFICE_DATES_ONLY,
    /** The mission's dates are offered but none is pre-selected: they must be entered again. */
    ENTER_AGAIN
}
