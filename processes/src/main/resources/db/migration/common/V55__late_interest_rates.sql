-- Late-payment interest rates (政府契約の支払遅延に対する遅延利息の率, 政府契約の支払遅延防止等に関する法律 8条): one row per
-- public notice, valid from its day until the next row's day. Editable: a new notice is a new row (JdbcInterestRates.put).
-- Plain SQL that H2 and PostgreSQL both accept. Kept equal to InMemoryInterestRates.published() (JdbcInterestRatesTest).
CREATE TABLE tz_late_interest_rate (
  valid_from          DATE          NOT NULL PRIMARY KEY,
  annual_rate_percent DECIMAL(6, 3) NOT NULL CHECK (annual_rate_percent >= 0 AND annual_rate_percent <= 100),
  notice              VARCHAR(200)  NOT NULL
);

-- shared/domain/contract-payment.md: 3.0 % until 2017-03-31, 2.7 % from 2017-04-01, 2.6 % from 2020-04-01.
-- The start of 3.0 % (2012-04-01, the notice after 平成23年財務省告示第52号's 3.1 % of 2011-04-01) is not in the domain
-- file: check it before computing interest for delays before 2017. 2.5 % from 2021-04-01: 令和3年財務省告示第49号.
-- Later notices: add a row.
INSERT INTO tz_late_interest_rate (valid_from, annual_rate_percent, notice) VALUES
  (DATE '2012-04-01', 3.0, '財務省告示（平成24年4月1日適用、年3.0%）'),
  (DATE '2017-04-01', 2.7, '財務省告示（平成29年4月1日適用、年2.7%）'),
  (DATE '2020-04-01', 2.6, '財務省告示（令和2年4月1日適用、年2.6%）'),
  (DATE '2021-04-01', 2.5, '令和3年財務省告示第49号（令和3年4月1日適用、年2.5%）');
