package com.salestalk.servicekit.limits;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** The JSON settings request bodies are read with. */
final class StrictJson {

  private StrictJson() {}

  /** A JSON factory whose parsers refuse nesting deeper than {@code maxDepth}. */
  static JsonFactory boundedFactory(int maxDepth) {
    return JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
        .build();
  }

  /**
   * The application mapper with strict binding: unknown properties fail, {@code null} for a
   * primitive fails, and no scalar is coerced into another (a number is not a string, {@code "1"}
   * is not a number, {@code ""} is not {@code null}).
   */
  static JsonMapper strictCopyOf(JsonMapper mapper) {
    return mapper
        .rebuild()
        .enable(
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false))
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .build();
  }
}
