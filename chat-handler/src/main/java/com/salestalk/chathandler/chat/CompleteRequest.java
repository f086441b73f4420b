package com.salestalk.chathandler.chat;

/**
 * The end of a session, by its user.
 *
 * @param feedback the user's rating, or null
 */
record CompleteRequest(Feedback feedback) {

  /**
   * A rating of the session.
   *
   * @param rating 1 to 5
   * @param comment free text, or null
   */
  record Feedback(Integer rating, String comment) {}
}
