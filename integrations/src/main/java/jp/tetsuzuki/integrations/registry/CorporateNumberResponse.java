package jp.tetsuzuki.integrations.registry;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads the answer of the 法人番号システム Web-API (Ver.4, 「法人番号を指定して情報を取得する機能」 {@code /4/num},
 * {@code type=12}: XML in Unicode; the API offers CSV and XML, no JSON), as published by the 国税庁 in
 * 「法人番号システム Web-API 機能のリクエストの設定方法及び提供データの内容について」 and its リソース定義書
 * (https://www.houjin-bangou.nta.go.jp/webapi/): root {@code corporations} with {@code lastUpdateDate},
 * {@code count}, {@code divideNumber}, {@code divideSize} and one {@code corporation} per record with
 * {@code sequenceNumber}, {@code corporateNumber}, {@code process}, {@code correct}, {@code updateDate},
 * {@code changeDate}, {@code name}, {@code kind}, {@code prefectureName}, {@code cityName}, {@code streetNumber},
 * {@code postCode}, {@code addressOutside}, {@code closeDate}, {@code closeCause}, {@code successorCorporateNumber},
 * {@code assignmentDate}, {@code latest}, {@code furigana}, {@code hihyoji}, … Dates are {@code YYYY-MM-DD}, empty when
 * not applicable. An unknown number answers {@code count} 0 and no record.
 */
public final class CorporateNumberResponse {

  private CorporateNumberResponse() {}

  /**
   * @param xml the body of a 200 answer
   * @param corporateNumber the number asked for
   * @throws RegistryAnswerException when the body is not the documented shape
   */
  public static CorporateNumberResult parse(String xml, String corporateNumber) {
    Element root = read(xml).getDocumentElement();
    if (!"corporations".equals(root.getTagName())) {
      throw new RegistryAnswerException("corporate-number registry answered an unexpected document <"
          + root.getTagName() + ">");
    }
    int count = count(text(root, "count"));
    NodeList records = root.getElementsByTagName("corporation");
    Element latest = null;
    for (int i = 0; i < records.getLength(); i++) {
      Element record = (Element) records.item(i);
      if (!corporateNumber.equals(text(record, "corporateNumber"))) {
        continue;
      }
      // history=0 answers the latest record only; should history come along, the latest one counts
      if (latest == null || "1".equals(text(record, "latest"))) {
        latest = record;
      }
    }
    if (latest == null) {
      if (count > 0 && records.getLength() > 0) {
        throw new RegistryAnswerException("corporate-number registry answered records of other numbers");
      }
      return new CorporateNumberResult.NotFound(corporateNumber);
    }
    if ("99".equals(text(latest, "process"))) {
      return new CorporateNumberResult.NotFound(corporateNumber); // 削除: the number is not published any more
    }
    String address = text(latest, "prefectureName") + text(latest, "cityName") + text(latest, "streetNumber");
    if (address.isEmpty()) {
      address = text(latest, "addressOutside");
    }
    return new CorporateNumberResult.Found(new CorporateRecord(corporateNumber, text(latest, "name"), address,
        text(latest, "postCode"), text(latest, "kind"), date(latest, "assignmentDate"), date(latest, "updateDate"),
        date(latest, "changeDate"), date(latest, "closeDate"), text(latest, "closeCause"),
        text(latest, "successorCorporateNumber")));
  }

  private static Document read(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // an answer is data: no DOCTYPE, no external entities
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(xml == null ? "" : xml)));
    } catch (Exception e) {
      throw new RegistryAnswerException("corporate-number registry answered no readable XML", e);
    }
  }

  private static int count(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new RegistryAnswerException("corporate-number registry answered without a count");
    }
  }

  private static String text(Element parent, String tag) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && tag.equals(element.getTagName())) {
        return element.getTextContent().trim();
      }
    }
    return "";
  }

  private static LocalDate date(Element parent, String tag) {
    String value = text(parent, tag);
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new RegistryAnswerException("corporate-number registry answered an unreadable " + tag);
    }
  }
}
