package fr.education.imagin.core.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void writesBomHeaderAndSemicolonSeparatedRowsThatParseBack() throws IOException {
        StringBuilder out = new StringBuilder();
        CsvWriter csv = new CsvWriter(out, List.of("Nom", "Prénom", "Montant"));
        csv.row(List.of("DUPONT; fils", "Élodie \"Lolo\"", "1268,00"));
        csv.row(List.of("LŒUVRE", "Ève\nMarie", "-12,5"));

        assertThat(out.charAt(0)).isEqualTo(CsvWriter.BOM);
        assertThat(out.toString()).contains("\r\n").startsWith("\uFEFFNom;Prénom;Montant\r\n");
        List<CSVRecord> records = CSVFormat.Builder.create().setDelimiter(';').get()
                .parse(new StringReader(out.substring(1))).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(1).toList()).containsExactly("DUPONT; fils", "Élodie \"Lolo\"", "1268,00");
        assertThat(records.get(2).toList()).containsExactly("LŒUVRE", "Ève\nMarie", "-12,5");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertThat(CsvWriter.neutralise("=HYPERLINK(\"http://x\",\"clic\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"clic\")");
        assertThat(CsvWriter.neutralise("+33 6 12 34 56 78")).isEqualTo("'+33 6 12 34 56 78");
        assertThat(CsvWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.neutralise("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvWriter.neutralise("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(CsvWriter.neutralise("-12,5")).isEqualTo("-12,5");
        assertThat(CsvWriter.neutralise("-1\u00A0268,00")).isEqualTo("-1\u00A0268,00");
        assertThat(CsvWriter.neutralise("DUPONT")).isEqualTo("DUPONT");
        assertThat(CsvWriter.neutralise(null)).isEmpty();
    }
}
