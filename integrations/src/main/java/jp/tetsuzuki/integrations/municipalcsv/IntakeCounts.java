package jp.tetsuzuki.integrations.municipalcsv;

/** Rows of one file: registered now, registered before (a replay), refused. */
record IntakeCounts(int registered, int replayed, int rejected) {

  IntakeCounts plusRegistered() {
    return new IntakeCounts(registered + 1, replayed, rejected);
  }

  IntakeCounts plusReplayed() {
    return new IntakeCounts(registered, replayed + 1, rejected);
  }

  IntakeCounts plusRejected() {
    return new IntakeCounts(registered, replayed, rejected + 1);
  }
}
