package com.salestalk.infra.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The app configuration derived from stack outputs: every output {@code SomeThingName} becomes
 * {@code salestalk.aws.some-thing-name}; an output {@code XUrl} with a sibling {@code XName} (a
 * queue) gets the URL the endpoint really serves, resolved by name, because stack outputs carry the
 * canonical AWS form even on an emulator. Test support applies the same mapping, so tests see what
 * {@code ./salestalk up} passes.
 */
public final class AppConfiguration {

  /** Prefix of every property, the apps' {@code @ConfigurationProperties} root. */
  public static final String PREFIX = "salestalk.aws.";

  private AppConfiguration() {}

  /**
   * The app properties for stack outputs.
   *
   * @param outputs the stack outputs, by output name
   * @param queueUrlByName the URL the endpoint serves for a queue name
   * @return {@code salestalk.aws.*} properties, in output order
   */
  public static Map<String, String> properties(
      Map<String, String> outputs, Function<String, String> queueUrlByName) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> o : outputs.entrySet()) {
      String key = o.getKey();
      String value = o.getValue();
      if (key.endsWith("Url")) {
        String name = outputs.get(key.substring(0, key.length() - "Url".length()) + "Name");
        if (name != null) {
          value = queueUrlByName.apply(name);
        }
      }
      out.put(PREFIX + kebab(key), value);
    }
    return out;
  }

  /** {@code InsightsQueueUrl} → {@code insights-queue-url}. */
  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
