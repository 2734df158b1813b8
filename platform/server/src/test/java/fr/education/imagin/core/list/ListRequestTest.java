package fr.education.imagin.core.list;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListRequestTest {

    private static final ListDefinition LIST = ListDefinition.builder("essai", "Liste d'essai")
            .from("t", ctx -> List.of())
            .column(Column.text("nom", "Nom", "t.nom"))
            .column(Column.date("jour", "Jour", "t.jour"))
            .filter(new PeriodFilter("Période", List.of(new PeriodFilter.Mode("a", "A", "t.jour between :debut and :fin"))))
            .sortedBy("nom")
            .build();

    @Test
    void unknownSortColumnsAndPagesFallBackToTheDefaults() {
        ListRequest request = ListRequest.from(LIST, MultiMap.caseInsensitiveMultiMap()
                .add("tri", "nom; drop table personnel").add("page", "abc").add("sens", "desc").add("inconnu", "x"));
        assertThat(request.sort().key()).isEqualTo("nom");
        assertThat(request.ascending()).isFalse();
        assertThat(request.page()).isEqualTo(1);
        assertThat(request.filterParams().names()).isEmpty();
    }

    @Test
    void theQueryKeepsFiltersKeywordAndSortAndEncodesThem() {
        ListRequest request = ListRequest.from(LIST, MultiMap.caseInsensitiveMultiMap()
                .add("q", "é&x").add("tri", "jour").add("periode", "a").add("du", "01/01/2025").add("au", "31/12/2025").add("page", "3"));
        Map<String, String> change = new HashMap<>();
        change.put("page", null);
        assertThat(request.query(change)).isEqualTo("periode=a&du=01%2F01%2F2025&au=31%2F12%2F2025&q=%C3%A9%26x&tri=jour&sens=asc");
        assertThat(request.query(Map.of("sens", "desc"))).endsWith("tri=jour&page=3&sens=desc");
    }

    @Test
    void theSqlBindsEveryValueAndOnlyDeclaredExpressions() {
        ListRequest request = ListRequest.from(LIST, MultiMap.caseInsensitiveMultiMap()
                .add("q", "O'Brien 2025").add("periode", "a").add("du", "01/01/2025").add("au", "31/12/2025"));
        ListQuery query = ListQuery.page(LIST, request, List.of());
        assertThat(query.sql).doesNotContain("O'Brien").contains("t.jour between $1::date and $2::date")
                .contains("strpos(").contains("$3").contains("$4").contains("order by (t.nom) collate \"fr-FR-x-icu\" asc nulls last")
                .contains("limit $5 offset $6");
        assertThat(query.errors).isEmpty();
        assertThat(query.params.size()).isEqualTo(6);
    }

    @Test
    void aPeriodWithAMissingOrReversedDateIsNotAppliedAndSaysWhy() {
        ListQuery missing = ListQuery.page(LIST, ListRequest.from(LIST, MultiMap.caseInsensitiveMultiMap()
                .add("periode", "a").add("du", "01/01/2025")), List.of());
        assertThat(missing.errors).containsExactly("Les deux dates de la période sont obligatoires (format JJ/MM/AAAA).");
        assertThat(missing.sql).doesNotContain("between");
        ListQuery reversed = ListQuery.page(LIST, ListRequest.from(LIST, MultiMap.caseInsensitiveMultiMap()
                .add("periode", "a").add("du", "02/01/2025").add("au", "01/01/2025")), List.of());
        assertThat(reversed.errors).containsExactly("La date de fin de période précède la date de début.");
    }

    @Test
    void aHugePageNumberGivesAPositiveOffsetInsteadOfOverflowing() {
        ListQuery query = ListQuery.page(LIST, ListRequest.from(LIST, MultiMap.caseInsensitiveMultiMap()
                .add("page", "21474838")), List.of());
        assertThat(((Number) query.params.getValue(query.params.size() - 1)).longValue()).isEqualTo(2_147_483_700L);
    }
}
