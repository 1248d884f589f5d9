package com.practicestudio.codemaps;

import java.util.List;

/** Where the cache loads maps from: the database, or a fake in tests. */
interface CodeMapSource {

  /** A number that changes whenever any map changes (on any node). */
  long revision();

  List<CodeMap> all();
}
