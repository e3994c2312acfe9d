package jp.tetsuzuki.integrations.einvoice;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tetsuzuki.integrations.port.EInvoiceGateway;

/**
 * The platform's invoice service played in memory for route tests: it knows the contracts of each tenant (an id may
 * stand in several tenants: ids are unique per tenant), looks for the invoice's contract in the tenant it is handed
 * only, answers an invoice once per tenant, contract and invoice id (again: replayed), and refuses an invoice that
 * names no contract or none of that tenant. It records the exact bytes and the tenant it was handed. The real parser
 * and checks are tested in the platform ({@code AccountingExchangeFlowTest}).
 */
class FakeInvoicePlatform implements EInvoiceGateway {

  private static final Pattern CONTRACT = Pattern.compile(
      "<cac:ContractDocumentReference>\\s*<cbc:ID>([^<]*)</cbc:ID>");
  private static final Pattern INVOICE_ID = Pattern.compile("<cbc:ID>([^<]*)</cbc:ID>");

  record Call(String serviceUser, String tenantId, byte[] xml) {}

  /** The contracts, as {@code <tenant>/<contract id>}. */
  final Set<String> contracts = ConcurrentHashMap.newKeySet();
  final Map<String, String> received = new ConcurrentHashMap<>();
  final Map<String, Integer> created = new ConcurrentHashMap<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();

  void contract(String tenantId, String contractId) {
    contracts.add(tenantId + "/" + contractId);
  }

  @Override
  public Result receive(String serviceUser, String tenantId, byte[] xml) {
    calls.add(new Call(serviceUser, tenantId, xml));
    String text = new String(xml, StandardCharsets.UTF_8);
    Matcher contract = CONTRACT.matcher(text);
    if (!contract.find()) {
      throw new Refused("cac:ContractDocumentReference/cbc:ID", "契約番号（ContractDocumentReference）が記載されていません。");
    }
    String contractId = contract.group(1);
    if (!contracts.contains(tenantId + "/" + contractId)) {
      throw new Refused("CONTRACT_NOT_FOUND", "請求書の契約番号「" + contractId + "」の契約が見つかりません（受信フォルダーの自治体「"
          + tenantId + "」の契約ではありません）。");
    }
    Matcher id = INVOICE_ID.matcher(text);
    id.find();
    String key = tenantId + "/" + contractId + "/" + id.group(1);
    boolean replayed = received.putIfAbsent(key, "invoice-" + java.util.UUID.randomUUID()) != null;
    if (!replayed) {
      created.merge(key, 1, Integer::sum);
    }
    return new Result(tenantId, contractId, id.group(1), received.get(key), false,
        List.of("登録番号がダミーです（REGISTRATION_NUMBER_DUMMY）"), replayed);
  }
}
