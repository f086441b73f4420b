package com.salestalk.servicekit.testapp;

import java.util.List;

/** A request body with one field of each kind. */
public record Widget(String name, Integer count, Boolean enabled, List<String> tags, Part part) {

  /** A nested object. */
  public record Part(String sku) {}
}
