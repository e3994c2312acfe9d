package jp.tetsuzuki.processes.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What the edge reads from a form: which keys a person fills in, their labels and how long a text may be. */
class FormFieldsTest {

  @Test
  void aTextIsBoundedByTheFormsMaxLengthAndNeverBeyondTheEnginesColumn() throws Exception {
    FormFields fields = FormFields.of(new ObjectMapper().readTree("""
        {"components": [
          {"key": "summary", "type": "textarea", "label": "審査結果", "validate": {"maxLength": 2000}},
          {"key": "note", "type": "textarea", "label": "備考"},
          {"key": "huge", "type": "textarea", "validate": {"maxLength": 20000}},
          {"key": "shown", "type": "textfield", "label": "手続", "readonly": true}
        ]}"""));
    assertThat(fields.maxLength("summary")).isEqualTo(2000);
    assertThat(fields.maxLength("note")).isEqualTo(FormFields.MAX_TEXT).isEqualTo(4000);
    assertThat(fields.maxLength("huge")).isEqualTo(4000);
    assertThat(fields.label("summary")).isEqualTo("審査結果");
    assertThat(fields.label("huge")).isEqualTo("huge");
    assertThat(fields.editable()).containsExactlyInAnyOrder("summary", "note", "huge");
    assertThat(fields.displayOnly()).containsExactly("shown");
  }
}
