package com.salestalk.chathandler.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a question: runs of letters and digits, lower-cased, each with its place in the
 * original text so that the plan can quote the words an entity came from. Punctuation separates
 * words and is dropped, except a dash, kept as the word "-" ("Jan-Mar", "2024-2025").
 */
final class Words {

  /** One word and where it stands in the question ({@code end} exclusive). */
  record Word(String text, int start, int end) {}

  private static final String MONTHS =
      "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?"
          + "|nov(ember)?|dec(ember)?";

  private Words() {}

  static List<Word> split(String question) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    while (i < question.length()) {
      char c = question.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        int start = i;
        while (i < question.length() && Character.isLetterOrDigit(question.charAt(i))) {
          i++;
        }
        words.add(new Word(question.substring(start, i).toLowerCase(Locale.ROOT), start, i));
      } else {
        if (c == '-' || c == '–' || c == '—') {
          words.add(new Word("-", i, i + 1));
        }
        i++;
      }
    }
    return dashes(words);
  }

  /**
   * A dash between two names of the same kind of period reads "to" ("Jan-Mar", "Q1-Q3",
   * "2023-2025"); any other dash is dropped ("2025-11", "year-over-year").
   */
  private static List<Word> dashes(List<Word> words) {
    List<Word> result = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Word word = words.get(i);
      if (!word.text().equals("-")) {
        result.add(word);
      } else if (i > 0 && i + 1 < words.size()) {
        String before = periodKind(words.get(i - 1).text());
        if (before != null && before.equals(periodKind(words.get(i + 1).text()))) {
          result.add(new Word("to", word.start(), word.end()));
        }
      }
    }
    return result;
  }

  private static String periodKind(String word) {
    if (word.matches(MONTHS)) {
      return "month";
    }
    if (word.matches("q[1-4]")) {
      return "quarter";
    }
    if (word.matches("h[12]")) {
      return "half";
    }
    return word.matches("(19|20)\\d\\d") ? "year" : null;
  }
}
