package fr.education.imagin.avancement;

import fr.education.imagin.core.list.ListScreen;
import fr.education.imagin.core.list.Lists;
import fr.education.imagin.core.menu.Activity;
import fr.education.imagin.core.menu.ActivityModule;
import fr.education.imagin.core.menu.ActivityRouter;

import java.util.List;

/**
 * "Avancement de l'affectation" in the establishments' menus (AVANC-1, circular of 2008): a chef
 * de centre follows the missions of the centre, a chef d'établissement the missions of the
 * establishment's staff. Opened and closed by the academy office like every activity.
 */
public final class AvancementActivity implements ActivityModule {

    private final Activity activity;
    private final ListScreen list;

    private AvancementActivity(Activity activity, ListScreen list) {
        this.activity = activity;
        this.list = list;
    }

    /** Both: the Centre Examen one and the Etablissement one. */
    public static List<ActivityModule> both(Lists lists) {
        return List.of(
                new AvancementActivity(Activity.AVANCEMENT_CENTRE, lists.screen(AvancementList.CENTRE, "avancement/centre.ftlh")),
                new AvancementActivity(Activity.AVANCEMENT_ETABLISSEMENT,
                        lists.screen(AvancementList.ETABLISSEMENT, "avancement/etablissement.ftlh")));
    }

    @Override
    public Activity activity() {
        return activity;
    }

    @Override
    public void mount(ActivityRouter routes) {
        list.mount(routes, "/");
    }
}
