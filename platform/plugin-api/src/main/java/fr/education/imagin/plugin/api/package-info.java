/**
 * What an exam-type plugin can contribute to IMAG'IN, in plain Java: no Vert.x, database or
 * web type appears here, so a plugin compiles against this module (and PF4J) alone.
 *
 * <p>Extension points (implement one or more, annotate the class with PF4J's
 * {@code @Extension}):
 * <ul>
 *   <li>{@link fr.education.imagin.plugin.api.MissionTypes}: the mission types an exam brings and
 *       their convocation and service-fait rules;</li>
 *   <li>{@link fr.education.imagin.plugin.api.MissionGenerator}: the missions to create from a
 *       registration import ({@link fr.education.imagin.plugin.api.Inscription} rows);</li>
 *   <li>{@link fr.education.imagin.plugin.api.IccScheme}: a chefs de centre indemnity scheme
 *       (exam codes, periods, brackets, amount).</li>
 * </ul>
 * A plugin declares the API version it was built for in its MANIFEST (see {@link
 * fr.education.imagin.plugin.api.ApiVersion}). Extensions are created once per load and called
 * from several threads: keep them stateless. Messages meant for users are in French.
 */
package fr.education.imagin.plugin.api;
