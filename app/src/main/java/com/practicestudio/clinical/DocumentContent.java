package com.practicestudio.clinical;

/** A document's content, opened: the bytes exactly as received, and their MIME type. */
public record DocumentContent(long documentId, String contentType, byte[] bytes) {}
