package com.salestalk.chathandler.understanding;

import com.salestalk.eventcontracts.events.Intent;
import java.util.List;

/** An intent's score and the cues (words or features of the question) that earned it. */
public record IntentScore(Intent intent, double score, List<String> cues) {

  public IntentScore {
    cues = List.copyOf(cues);
  }
}
