-- The late-interest rates as shared/domain/contract-payment.md states them: 3.0 % until 2017-03-31, 2.7 % from
-- 2017-04-01, 2.6 % from 2020-04-01. V55 also seeded 2.5 % from 2021-04-01, a notice the domain file does not
-- list: removed, so 2.6 % stays in force until a notice is entered (JdbcInterestRates.put, a row per notice).
-- A row somebody entered after V55 for another day is left alone; only V55's own 2021 row goes.
DELETE FROM tz_late_interest_rate
WHERE valid_from = DATE '2021-04-01' AND annual_rate_percent = 2.5
  AND notice = '令和3年財務省告示第49号（令和3年4月1日適用、年2.5%）';
