package dev.causal4j;

/**
 * Input a user can fix: a malformed file, a column of the wrong type, a graph that does not match
 * the data, an option out of range. The message is one line that names where the problem is (file,
 * row, column, option) and what to do about it; the command line prints it as it is and exits
 * with status 1, without a stack trace.
 *
 * <p>Anything else that escapes is a bug in Causal4J, not in the user's input.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
