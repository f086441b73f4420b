package com.salestalk.servicekit.problem;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Spring's problem mix-in (extension members such as {@code errors} rendered at the top level) with
 * the RFC 9457 members first, in their usual order, instead of Jackson 3's alphabetical one.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
interface ProblemJsonMixin extends ProblemDetailJacksonMixin {}
