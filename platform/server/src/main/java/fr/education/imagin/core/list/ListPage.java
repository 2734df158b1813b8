package fr.education.imagin.core.list;

import java.util.List;

/** One page of a list: its rows' labels, the count of every matching row, filter errors. */
record ListPage(List<Row> rows, long total, List<String> errors) {

    /** A row as shown: its id (null without detail links) and one label per column. */
    record Row(String id, List<String> cells) {
    }
}
