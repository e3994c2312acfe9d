package jp.tetsuzuki.workers.documents;

/** The store has no document under the id a task names: a platform fault (retry, then incident), not the applicant's. */
public class DocumentMissingException extends RuntimeException {

  public DocumentMissingException(String documentId) {
    super("document " + documentId + " not found in the document store");
  }
}
