package io.confcdr.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Rows printed as an aligned text table (null as "-") or as RFC 4180 CSV (null as an empty field). */
final class ReportTable {

    enum Format { TABLE, CSV }

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    ReportTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Values may be null. */
    void add(List<String> row) {
        rows.add(new ArrayList<>(row));
    }

    void print(PrintWriter out, Format format) {
        if (format == Format.CSV) {
            out.print(csvLine(header));
            rows.forEach(row -> out.print(csvLine(row)));
        } else {
            int[] widths = new int[header.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = header.get(i).length();
                for (List<String> row : rows) {
                    widths[i] = Math.max(widths[i], cell(row.get(i)).length());
                }
            }
            out.println(tableLine(header, widths));
            rows.forEach(row -> out.println(tableLine(row, widths)));
        }
        out.flush();
    }

    private static String cell(String value) {
        return value == null ? "-" : value;
    }

    private static String tableLine(List<String> row, int[] widths) {
        var line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(String.format("%-" + widths[i] + "s", cell(row.get(i))));
        }
        return line.toString().stripTrailing();
    }

    private static String csvLine(List<String> row) {
        List<String> fields = new ArrayList<>();
        for (String value : row) {
            if (value == null) {
                fields.add("");
            } else if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                fields.add("\"" + value.replace("\"", "\"\"") + "\"");
            } else {
                fields.add(value);
            }
        }
        return String.join(",", fields) + "\r\n";
    }
}
