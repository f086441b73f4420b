package com.salestalk.metricshandler.uploads;

/** Opens the objects of an upload in the uploads bucket. */
@FunctionalInterface
interface UploadObjects {

  /**
   * @param key the object key
   * @param contentType its {@code Content-Type}
   * @param contentEncoding its {@code Content-Encoding}, or null
   */
  ObjectSink open(String key, String contentType, String contentEncoding);
}
