package com.practicestudio.mllp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes what a decoder reports as short lines, so tests compare lists of strings. */
final class RecordingSink implements FrameSink {
  final List<String> events = new ArrayList<>();
  final List<byte[]> frames = new ArrayList<>();
  final List<byte[]> rejectedContents = new ArrayList<>();

  @Override
  public void frame(byte[] payload) {
    frames.add(payload);
    events.add("frame " + show(payload));
  }

  @Override
  public void rejected(MllpError reason, byte[] content, long length) {
    rejectedContents.add(content);
    events.add("rejected " + reason.code() + " length=" + length + " " + show(content));
  }

  @Override
  public void discarded(MllpError reason, long bytes) {
    events.add("discarded " + reason.code() + " bytes=" + bytes);
  }

  /** Short payloads in full (CR as \r), long ones by size. */
  static String show(byte[] bytes) {
    if (bytes.length > 80) {
      return "<" + bytes.length + " bytes>";
    }
    return "'" + new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r") + "'";
  }
}
