package com.practicestudio.sandbox.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes a small, valid one-page PDF showing lines of text (Helvetica, no compression). */
public final class MinimalPdf {

  private MinimalPdf() {}

  public static byte[] of(List<String> lines) {
    StringBuilder stream = new StringBuilder("BT /F1 11 Tf 50 760 Td 14 TL\n");
    for (String line : lines) {
      stream.append('(').append(escape(line)).append(") Tj T*\n");
    }
    stream.append("ET");
    List<String> objects = new ArrayList<>();
    objects.add("<< /Type /Catalog /Pages 2 0 R >>");
    objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    objects.add(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            + "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>");
    objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    byte[] content = stream.toString().getBytes(StandardCharsets.ISO_8859_1);
    objects.add("<< /Length " + content.length + " >>\nstream\n" + stream + "\nendstream");
    return assemble(objects);
  }

  private static byte[] assemble(List<String> objects) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n");
    table.append("0000000000 65535 f \n");
    for (int offset : offsets) {
      table.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", offset));
    }
    table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\n");
    table.append("startxref\n").append(xref).append("\n%%EOF\n");
    write(out, table.toString());
    return out.toByteArray();
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
