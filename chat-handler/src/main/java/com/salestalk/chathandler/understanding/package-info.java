/**
 * Understanding a question: words in, a small explainable query plan out (intent, metrics, periods,
 * breakdown), by rules and a lexicon, measured against a labelled set of questions.
 */
package com.salestalk.chathandler.understanding;
