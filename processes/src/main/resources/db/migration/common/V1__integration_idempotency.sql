-- Files and messages that Camel routes have taken (camel-sql JdbcMessageIdRepository layout).
-- Shared by every node, so a file or message is processed once in the cluster.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
  processorName VARCHAR(255) NOT NULL,
  messageId     VARCHAR(255) NOT NULL,
  createdAt     TIMESTAMP    NOT NULL,
  PRIMARY KEY (processorName, messageId)
);
