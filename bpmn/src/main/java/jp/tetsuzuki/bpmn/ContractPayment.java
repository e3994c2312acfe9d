package jp.tetsuzuki.bpmn;

/**
 * Contract of {@code contract-payment} (契約・支出, issue 11; shared/domain/contract-payment.md): a registered contract
 * waits for the supplier's completion notice, is inspected (検査, due 10 days after the notice, 14 for construction; a
 * failed inspection waits for a new notice and the period restarts), waits for the invoice, validates it (JP PINT
 * e-invoice against the contract and the registry of qualified-invoice issuers; an invalid invoice is returned to the
 * supplier and the payment clock pauses until a corrected one arrives), orders the payment (支出命令) through the
 * {@code approval-route} call activity (kind {@code payment}), has it checked by the 会計管理者, exports the payment
 * instruction for the accounting system and ends when the accounting system acknowledges the payment. A timer warns
 * before the payment due date.
 *
 * <h2>Start (the public API, {@code POST /api/v1/contracts})</h2>
 * {@link #TENANT_ID}, {@link #CONTRACT_ID} (also the business key), {@link #CONTRACT_TITLE}, {@link #DEPARTMENT},
 * {@link #ORIGINATOR}. Everything else about the contract lives in {@code tz_contract_case} (V57), not in variables.
 *
 * <h2>Messages</h2>
 * <ul>
 *   <li>{@link #MSG_COMPLETION_NOTIFIED} (完了通知) with {@link #NOTICE_ON} (ISO date).</li>
 *   <li>{@link #MSG_INVOICE_RECEIVED} (請求書の受領) with {@link #INVOICE_ID} (the stored invoice).</li>
 *   <li>{@link #MSG_PAYMENT_ACKNOWLEDGED} (支払済の通知) from the acknowledgement of the accounting system.</li>
 * </ul>
 */
public final class ContractPayment {

  public static final String ID = "contract-payment";

  // elements
  public static final String EVENT_CONTRACT_REGISTERED = "Event_ContractRegistered";
  public static final String TASK_REGISTER_CONTRACT = "Task_RegisterContract";
  public static final String TASK_AWAIT_COMPLETION = "Task_AwaitCompletion";
  public static final String TASK_START_INSPECTION = "Task_StartInspection";
  public static final String TASK_INSPECT = "Task_Inspect";
  public static final String GATEWAY_INSPECTION_PASSED = "Gateway_InspectionPassed";
  public static final String TASK_AWAIT_INVOICE = "Task_AwaitInvoice";
  public static final String TASK_VALIDATE_INVOICE = "Task_ValidateInvoice";
  public static final String GATEWAY_INVOICE_VALID = "Gateway_InvoiceValid";
  public static final String TASK_RETURN_INVOICE = "Task_ReturnInvoice";
  public static final String TASK_SCHEDULE_PAYMENT = "Task_SchedulePayment";
  public static final String SUBPROCESS_PAYMENT = "SubProcess_Payment";
  public static final String EVENT_PAYMENT_STARTED = "Event_PaymentStarted";
  public static final String TASK_ORDER_PAYMENT = "Task_OrderPayment";
  public static final String EVENT_ORDER_ROUTE_UNRESOLVED = "Event_OrderRouteUnresolved";
  public static final String GATEWAY_ORDER_APPROVED = "Gateway_OrderApproved";
  public static final String TASK_REVISE_ORDER = "Task_ReviseOrder";
  public static final String TASK_CHECK_ACCOUNTING = "Task_CheckAccounting";
  public static final String GATEWAY_ACCOUNTING_PASSED = "Gateway_AccountingPassed";
  public static final String TASK_EXPORT_INSTRUCTION = "Task_ExportInstruction";
  public static final String TASK_AWAIT_ACKNOWLEDGEMENT = "Task_AwaitAcknowledgement";
  public static final String TASK_RECORD_PAYMENT = "Task_RecordPayment";
  public static final String EVENT_PAYMENT_DONE = "Event_PaymentDone";
  public static final String EVENT_PAYMENT_DUE_SOON = "Event_PaymentDueSoon";
  public static final String TASK_WARN_PAYMENT_DUE = "Task_WarnPaymentDue";
  public static final String EVENT_PAYMENT_WARNED = "Event_PaymentWarned";
  public static final String EVENT_PAID = "Event_Paid";
  // PDF or image invoices (read by OCR, verified by staff), the mailed return notice, failed payments, the warning
  public static final String GATEWAY_INVOICE_FORMAT = "Gateway_InvoiceFormat";
  public static final String TASK_READ_INVOICE = "Task_ReadInvoice";
  public static final String EVENT_INVOICE_REFUSED = "Event_InvoiceRefused";
  public static final String EVENT_INVOICE_UNREADABLE = "Event_InvoiceUnreadable";
  public static final String EVENT_INVOICE_OCR_UNAVAILABLE = "Event_InvoiceOcrUnavailable";
  public static final String TASK_RECORD_INVOICE_RECOGNITION = "Task_RecordInvoiceRecognition";
  public static final String TASK_RECORD_INVOICE_UNREAD = "Task_RecordInvoiceUnread";
  public static final String TASK_VERIFY_INVOICE = "Task_VerifyInvoice";
  public static final String GATEWAY_RETURN_NOTICE = "Gateway_ReturnNotice";
  public static final String TASK_MAIL_RETURN_NOTICE = "Task_MailReturnNotice";
  public static final String EVENT_RETURN_NOTICE_UNDELIVERABLE = "Event_ReturnNoticeUndeliverable";
  public static final String TASK_RECORD_RETURN_MAILED = "Task_RecordReturnMailed";
  public static final String TASK_RECORD_RETURN_NOT_MAILED = "Task_RecordReturnNotMailed";
  public static final String EVENT_RETURN_NOTICE_DONE = "Event_ReturnNoticeDone";
  public static final String EVENT_PAYMENT_FAILED = "Event_PaymentFailed";
  public static final String TASK_RESOLVE_PAYMENT_FAILURE = "Task_ResolvePaymentFailure";
  public static final String GATEWAY_PAYMENT_RESOLUTION = "Gateway_PaymentResolution";
  public static final String TASK_PREPARE_RE_EXPORT = "Task_PrepareReExport";
  public static final String TASK_HEED_PAYMENT_DUE = "Task_HeedPaymentDue";

  /** Form ids (form-js {@code id}) of the user tasks. */
  public static final String FORM_INSPECT = "contract-payment-inspect";
  public static final String FORM_REVISE_ORDER = "contract-payment-revise-order";
  public static final String FORM_CHECK_ACCOUNTING = "contract-payment-check-accounting";
  public static final String FORM_VERIFY_INVOICE = "contract-payment-verify-invoice";
  public static final String FORM_RESOLVE_PAYMENT_FAILURE = "contract-payment-resolve-payment-failure";
  public static final String FORM_HEED_PAYMENT_DUE = "contract-payment-heed-payment-due";

  // messages
  public static final String MSG_COMPLETION_NOTIFIED = "contractCompletionNotified";
  public static final String MSG_INVOICE_RECEIVED = "contractInvoiceReceived";
  public static final String MSG_PAYMENT_ACKNOWLEDGED = "contractPaymentAcknowledged";
  /** The accounting system could not pay (a FAILED acknowledgement line); 会計課 resolves it. */
  public static final String MSG_PAYMENT_FAILED = "contractPaymentFailed";

  /** Worker topics the model uses. */
  public static final String TOPIC_OCR_INVOICE = Topics.OCR_INVOICE;
  public static final String TOPIC_NOTIFY_APPLICANT = Topics.NOTIFY_APPLICANT;
  /** Errors of the OCR and mail workers the model catches. */
  public static final String ERROR_DOCUMENT_REFUSED = Errors.DOCUMENT_REFUSED;
  public static final String ERROR_DOCUMENT_UNREADABLE = Errors.DOCUMENT_UNREADABLE;
  public static final String ERROR_OCR_UNAVAILABLE = Errors.OCR_UNAVAILABLE;
  public static final String ERROR_NOTIFICATION_UNDELIVERABLE = Errors.NOTIFICATION_UNDELIVERABLE;

  /** The approval route found no route for the payment order (the error of {@code approval-route}). */
  public static final String ERROR_ROUTE_UNRESOLVED = ApprovalRoute.ERROR_ROUTE_UNRESOLVED;

  // start variables
  public static final String TENANT_ID = CommonVariables.TENANT_ID;
  public static final String CONTRACT_ID = "contractId";
  public static final String CONTRACT_TITLE = "contractTitle";
  /** The ordering department's code (routes the payment order, names the department group). */
  public static final String DEPARTMENT = "department";
  /** User id of the 起案者 of the payment order (receives send-backs of the approval route). */
  public static final String ORIGINATOR = "originator";

  // message variables
  /** Day of the completion notice (ISO date, JST). */
  public static final String NOTICE_ON = "noticeOn";
  /** Id of the stored invoice the message announces. */
  public static final String INVOICE_ID = "invoiceId";

  // variables set by the glue
  /** Supplier's name (for task lists and forms). */
  public static final String SUPPLIER_NAME = "supplierName";
  /** Candidate group of the inspection: {@code <tenant>-<inspection department>}. */
  public static final String INSPECTION_GROUP = "inspectionGroup";
  /** Inspection due date (ISO date) and the task's due timestamp (end of that day, JST). */
  public static final String INSPECTION_DUE_DATE = "inspectionDueDate";
  public static final String INSPECTION_DUE_AT = "inspectionDueAt";
  /** Whether the stored invoice is a proper invoice (set by the validation). */
  public static final String INVOICE_VALID = "invoiceValid";
  /** Japanese list of the invoice's problems (for the return notice and the forms). */
  public static final String INVOICE_PROBLEMS_TEXT = "invoiceProblemsText";
  /** Yen to pay (the invoice's payable amount, with tax). */
  public static final String AMOUNT = "amount";
  /** Payment due date (ISO date) and the warning timestamp (09:00 JST of the warning day). */
  public static final String PAYMENT_DUE_DATE = "paymentDueDate";
  public static final String PAYMENT_WARN_AT = "paymentWarnAt";
  /** End of the payment due day (17:00 JST): the due date of the warning task. */
  public static final String PAYMENT_DUE_AT = "paymentDueAt";
  /** Summary of the payment order for the approvers (件名 is the contract title). */
  public static final String ORDER_SUMMARY = "orderSummary";
  /** Candidate group of the accounting check: {@code <tenant>-<accounting department>} (会計管理者). */
  public static final String ACCOUNTING_GROUP = "accountingGroup";
  /** Candidate group of the department that revises a refused payment order: {@code <tenant>-<department>}. */
  public static final String DEPARTMENT_GROUP = "departmentGroup";
  /** The payment's id in the instruction file and the acknowledgement. */
  public static final String PAYMENT_ID = "paymentId";

  // outputs of approval-route, copied
  public static final String ORDER_OUTCOME = "orderOutcome";
  public static final String ORDER_COMMENT = "orderComment";
  public static final String ORDER_DECIDED_BY = "orderDecidedBy";
  public static final String APPROVAL_INSTANCE_ID = ApprovalRoute.APPROVAL_INSTANCE_ID;

  // form fields submitted by staff
  /** Inspection result: {@link #INSPECTION_PASS} or {@link #INSPECTION_FAIL}. */
  public static final String INSPECTION_RESULT = "inspectionResult";
  public static final String INSPECTION_PASS = "pass";
  public static final String INSPECTION_FAIL = "fail";
  /** The inspector's findings (sent to the supplier when the inspection fails). */
  public static final String INSPECTION_COMMENT = "inspectionComment";
  /** Accounting check: {@link #ACCOUNTING_PASS} or {@link #ACCOUNTING_REFUSE}. */
  public static final String ACCOUNTING_RESULT = "accountingResult";
  public static final String ACCOUNTING_PASS = "pass";
  public static final String ACCOUNTING_REFUSE = "refuse";
  public static final String ACCOUNTING_COMMENT = "accountingComment";
  /** What the department changed before submitting the payment order again. */
  public static final String REVISION_COMMENT = "revisionComment";

  // read-only form fields (task-local copies the glue writes)
  public static final String INSPECTION_ROUND = "inspectionRound";
  public static final String CONTRACT_SUMMARY = "contractSummary";

  // PDF or image invoices
  /** How the invoice came: {@link #FORMAT_XML} (JP PINT e-invoice) or {@link #FORMAT_SCAN} (PDF/image, OCR). */
  public static final String INVOICE_FORMAT = "invoiceFormat";
  public static final String FORMAT_XML = "xml";
  public static final String FORMAT_SCAN = "scan";
  /** The scan in the document store (input of {@code ocr-invoice}); the same as {@link DocumentVariables#DOCUMENT_ID}. */
  public static final String DOCUMENT_ID = DocumentVariables.DOCUMENT_ID;
  /** The staff document view of the scan's first page (relative address: works whatever host staff use). */
  public static final String DOCUMENT_IMAGE_URL = "documentImageUrl";
  /** The same page as a Markdown image for the form's text component (form-js image components need absolute URLs). */
  public static final String DOCUMENT_IMAGE_TEXT = "documentImageText";
  /** Markdown link to the scan itself (all pages, as sent). */
  public static final String DOCUMENT_LINK_TEXT = "documentLinkText";
  /** Markdown list of the fields to check (missing, below the confidence threshold, failed a check), Japanese. */
  public static final String FIELDS_TO_CHECK_TEXT = "fieldsToCheckText";
  // Task_VerifyInvoice form fields (prefilled with what OCR read; staff correct them against the scan)
  public static final String REGISTRATION_NUMBER = "registrationNumber";
  public static final String ISSUER_NAME = "issuerName";
  public static final String ISSUE_DATE = "issueDate";
  /** 取引年月日 (or the last day of the period invoiced); defaults to the issue date. */
  public static final String TRANSACTION_DATE = "transactionDate";
  public static final String RECIPIENT_NAME = "recipientName";
  public static final String INVOICE_NUMBER = "invoiceNumber";
  public static final String SUBTOTAL_10 = "subtotal10";
  public static final String TAX_10 = "tax10";
  public static final String SUBTOTAL_8 = "subtotal8";
  public static final String TAX_8 = "tax8";
  /** 非課税・不課税 (0 %) amounts, if the invoice lists any (OCR does not read them). */
  public static final String SUBTOTAL_0 = "subtotal0";
  public static final String TOTAL = "total";
  public static final String VERIFICATION_COMMENT = "verificationComment";

  // the mailed return notice
  /** The supplier system's mail address (its account's), or null when it has none. */
  public static final String SUPPLIER_EMAIL = NotificationVariables.APPLICANT_EMAIL;
  /** Id of the return event: the mail's occurrence key, so a redelivered task mails nothing twice. */
  public static final String RETURN_NOTICE_ID = "returnNoticeId";
  /** Mail template of the return notice ({@code notification/templates/invoice-returned.txt} in workers). */
  public static final String EVENT_INVOICE_RETURNED_TEMPLATE = "invoice-returned";
  /** Values of the template. */
  public static final String RETURNED_ON = "returnedOn";

  // a FAILED acknowledgement (Task_ResolvePaymentFailure, group <tenant>-<treasury department>, 会計課)
  public static final String TREASURY_GROUP = "treasuryGroup";
  /** Why the accounting system did not pay, and the payment, for the form. */
  public static final String PAYMENT_FAILURE_TEXT = "paymentFailureText";
  /** {@link #RESOLUTION_RETRY} (export a new instruction) or {@link #RESOLUTION_MANUAL} (paid by hand). */
  public static final String PAYMENT_RESOLUTION = "paymentResolution";
  public static final String RESOLUTION_RETRY = "retry";
  public static final String RESOLUTION_MANUAL = "manual";
  /** The day it was paid by hand (ISO date, not in the future, not before the export). */
  public static final String MANUAL_PAID_ON = "manualPaidOn";
  public static final String RESOLUTION_COMMENT = "resolutionComment";

  // the payment-due warning (Task_HeedPaymentDue, the department's group)
  public static final String PAYMENT_WARNING_TEXT = "paymentWarningText";
  public static final String WARNING_COMMENT = "warningComment";

  private ContractPayment() {}
}
