// Forms.gs: creates the forms the schema declares and links their response tabs to this spreadsheet.

/**
 * The rows of the criteria tab, read by header.
 * @param {GoogleAppsScript.Spreadsheet.Spreadsheet} spreadsheet
 * @returns {ScriptCriterion[]}
 */
function thiduaReadCriteria_(spreadsheet) {
  var sheet = spreadsheet.getSheetByName(THIDUA_NAMES.criteriaTab);
  if (!sheet)
    throw new Error(
      'Không tìm thấy trang tính "' + THIDUA_NAMES.criteriaTab + '". Hãy chạy npm run setup-sheets trước.',
    );
  var values = sheet.getDataRange().getValues();
  var headers = values[0].map(function (h) {
    return String(h).normalize('NFC').trim();
  });
  var code = headers.indexOf('Mã tiêu chí'),
    group = headers.indexOf('Nhóm'),
    content = headers.indexOf('Nội dung'),
    max = headers.indexOf('Điểm tối đa');
  if (code < 0 || content < 0 || max < 0)
    throw new Error('Trang "' + THIDUA_NAMES.criteriaTab + '" thiếu cột Mã tiêu chí, Nội dung hoặc Điểm tối đa.');
  /** @type {ScriptCriterion[]} */
  var criteria = [];
  for (var r = 1; r < values.length; r++) {
    var c = String(values[r][code]).normalize('NFC').trim();
    if (c === '') continue;
    criteria.push({
      code: c,
      group: group < 0 ? '' : String(values[r][group]).normalize('NFC').trim(),
      content: String(values[r][content]).normalize('NFC').trim(),
      maxScore: Number(String(values[r][max]).replace(',', '.')),
    });
  }
  return criteria;
}

/**
 * The award catalogue's names and nominee kinds, as the functions read them (blank kinds: Tập thể, Cá nhân); a
 * spreadsheet made before the tab existed uses the shipped catalogue.
 * @param {GoogleAppsScript.Spreadsheet.Spreadsheet} spreadsheet
 * @returns {{ awards: string[], kinds: string[] }}
 */
function thiduaReadCatalogue_(spreadsheet) {
  var sheet = spreadsheet.getSheetByName(THIDUA_NAMES.catalogueTab);
  if (!sheet) return { awards: THIDUA_NAMES.defaultAwards.slice(), kinds: THIDUA_NAMES.defaultKinds.slice() };
  var values = sheet.getDataRange().getValues();
  var headers = values[0].map(function (h) {
    return String(h).normalize('NFC').trim();
  });
  var name = headers.indexOf(THIDUA_NAMES.catalogueNameHeader),
    kinds = headers.indexOf(THIDUA_NAMES.catalogueKindsHeader);
  if (name < 0)
    throw new Error('Trang "' + THIDUA_NAMES.catalogueTab + '" thiếu cột ' + THIDUA_NAMES.catalogueNameHeader + '.');
  /** @type {string[]} */
  var awards = [];
  /** @type {string[]} */
  var allKinds = [];
  for (var r = 1; r < values.length; r++) {
    var award = String(values[r][name]).normalize('NFC').trim();
    if (award === '' || awards.indexOf(award) >= 0) continue;
    awards.push(award);
    var typed = kinds < 0 ? '' : String(values[r][kinds]).normalize('NFC');
    var list = typed
      .split(/[,;\n]+/)
      .map(function (k) {
        return k.trim();
      })
      .filter(function (k) {
        return k !== '';
      });
    (list.length > 0 ? list : ['Tập thể', 'Cá nhân']).forEach(function (k) {
      if (allKinds.indexOf(k) < 0) allKinds.push(k);
    });
  }
  return { awards: awards, kinds: allKinds };
}

/**
 * Must equal criterionHeader() of sheets-schema: the response column is matched by this text.
 * @param {ScriptCriterion} c
 */
function thiduaCriterionHeader(c) {
  return '[' + c.code + '] ' + c.content + ' (tối đa ' + String(c.maxScore).replace('.', ',') + ' điểm)';
}

/**
 * @param {ScriptCriterion} c
 * @returns {ScriptQuestion}
 */
function thiduaCriterionQuestion_(c) {
  return {
    title: thiduaCriterionHeader(c),
    kind: 'score',
    required: true,
    help: 'Nhóm: ' + c.group + '. Tự chấm từ 0 đến ' + String(c.maxScore).replace('.', ',') + ' điểm.',
    min: 0,
    max: c.maxScore,
  };
}

/**
 * Every question of a form as a unit sees it (the final report gains one score question per criterion; the nominations'
 * award and kind questions take the catalogue's options).
 * @param {ScriptForm} def
 * @param {ScriptCriterion[]} criteria
 * @param {{ awards: string[], kinds: string[] }} catalogue
 */
function thiduaQuestions(def, criteria, catalogue) {
  var questions = def.questions.map(function (q) {
    if (q.optionsFrom === 'awards') return Object.assign({}, q, { options: catalogue.awards });
    if (q.optionsFrom === 'nomineeKinds') return Object.assign({}, q, { options: catalogue.kinds });
    return q;
  });
  if (def.withCriteria) questions = questions.concat(criteria.map(thiduaCriterionQuestion_));
  return questions;
}

/**
 * @param {{ min?: number, max?: number }} q
 * @param {boolean} integerOnly
 */
function thiduaNumberValidation_(q, integerOnly) {
  var min = q.min === undefined ? 0 : q.min;
  var builder = FormApp.createTextValidation();
  if (q.max !== undefined) {
    builder.requireNumberBetween(min, q.max).setHelpText('Nhập một số từ ' + min + ' đến ' + q.max + '.');
  } else if (integerOnly) {
    builder.requireWholeNumber().setHelpText('Nhập một số nguyên không âm.');
  } else {
    builder.requireNumberGreaterThanOrEqualTo(min).setHelpText('Nhập một số không nhỏ hơn ' + min + '.');
  }
  return builder.build();
}

/**
 * @param {GoogleAppsScript.Forms.Form} form
 * @param {ScriptQuestion} q
 */
function thiduaAddQuestion_(form, q) {
  var item;
  if (q.kind === 'choice') {
    // A choice question always carries its options (sheets-schema declares them).
    item = form
      .addMultipleChoiceItem()
      .setTitle(q.title)
      .setChoiceValues(/** @type {string[]} */ (q.options));
  } else if (q.kind === 'paragraph') {
    item = form.addParagraphTextItem().setTitle(q.title);
    if (q.maxLength) {
      item.setValidation(
        FormApp.createParagraphTextValidation()
          .requireTextLengthLessThanOrEqualTo(q.maxLength)
          .setHelpText('Tối đa ' + q.maxLength + ' ký tự.')
          .build(),
      );
    }
  } else {
    item = form.addTextItem().setTitle(q.title);
    if (q.kind === 'email') {
      item.setValidation(
        FormApp.createTextValidation().requireTextIsEmail().setHelpText('Nhập một địa chỉ email hợp lệ.').build(),
      );
    } else if (q.kind === 'url') {
      item.setValidation(
        FormApp.createTextValidation()
          .requireTextIsUrl()
          .setHelpText('Nhập một đường liên kết hợp lệ, bắt đầu bằng https://.')
          .build(),
      );
    } else if (q.kind === 'integer') {
      item.setValidation(thiduaNumberValidation_(q, true));
    } else if (q.kind === 'percent') {
      item.setValidation(thiduaNumberValidation_({ min: 0, max: 100 }, false));
    } else if (q.kind === 'score') {
      item.setValidation(thiduaNumberValidation_(q, false));
    } else if (q.kind === 'date') {
      // A text item, not a date item: the answer stays the dd/MM/yyyy text the functions check (a real day, not later
      // than the submission), whatever the respondent's locale.
      item.setValidation(
        FormApp.createTextValidation()
          .requireTextMatchesPattern('^[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}$')
          .setHelpText('Ghi ngày theo dạng ngày/tháng/năm, ví dụ 05/03/1980.')
          .build(),
      );
    } else if (q.maxLength) {
      item.setValidation(
        FormApp.createTextValidation()
          .requireTextLengthLessThanOrEqualTo(q.maxLength)
          .setHelpText('Tối đa ' + q.maxLength + ' ký tự.')
          .build(),
      );
    }
  }
  if (q.help) item.setHelpText(q.help);
  item.setRequired(q.required === true);
  return item;
}

/**
 * Creates each form once (ids kept in script properties), links it here and names its response tab as the schema does.
 */
function thiduaCreateForms() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var props = thiduaProps_();
  var criteria = thiduaReadCriteria_(spreadsheet);
  var catalogue = thiduaReadCatalogue_(spreadsheet);
  /** @type {string[]} */
  var created = [];
  THIDUA_FORMS.forEach(function (def) {
    var existing = props.getProperty(def.key);
    if (existing) {
      var old = FormApp.openById(existing);
      if (thiduaAddSecretQuestion_(old, def)) created.push(def.tab + ' (thêm câu "' + THIDUA_NAMES.secretHeader + '")');
      if (thiduaRefreshCatalogueChoices_(old, def, catalogue))
        created.push(def.tab + ' (cập nhật lựa chọn theo "' + THIDUA_NAMES.catalogueTab + '")');
      return;
    }
    var form = FormApp.create(def.title);
    form.setDescription(def.description);
    form.setAllowResponseEdits(true);
    form.setConfirmationMessage('Đã nhận. Kết quả kiểm tra sẽ được gửi tới email của đơn vị.');
    thiduaQuestions(def, criteria, catalogue).forEach(function (q) {
      thiduaAddQuestion_(form, q);
    });
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheet.getId());
    SpreadsheetApp.flush();
    thiduaNameResponseSheet_(spreadsheet, form, def.tab);
    props.setProperty(def.key, form.getId());
    created.push(def.tab);
  });
  var message =
    created.length === 0 ? 'Các biểu mẫu đã có; không tạo thêm.' : 'Đã tạo biểu mẫu: ' + created.join(', ') + '.';
  Logger.log(message);
  return message;
}

/**
 * An existing form's catalogue questions take the catalogue's current options (a new award is a new row); true when
 * any changed.
 * @param {GoogleAppsScript.Forms.Form} form
 * @param {ScriptForm} def
 * @param {{ awards: string[], kinds: string[] }} catalogue
 */
function thiduaRefreshCatalogueChoices_(form, def, catalogue) {
  var changed = false;
  def.questions.forEach(function (q) {
    if (!q.optionsFrom) return;
    var wanted = q.optionsFrom === 'awards' ? catalogue.awards : catalogue.kinds;
    form.getItems(FormApp.ItemType.MULTIPLE_CHOICE).forEach(function (item) {
      if (item.getTitle() !== q.title) return;
      var choice = item.asMultipleChoiceItem();
      var current = choice.getChoices().map(function (c) {
        return c.getValue();
      });
      if (current.join('\n') === wanted.join('\n')) return;
      choice.setChoiceValues(wanted);
      changed = true;
    });
  });
  return changed;
}

/**
 * A form made before units had secrets gains the secret question, right after the unit code; true when added.
 * @param {GoogleAppsScript.Forms.Form} form
 * @param {ScriptForm} def
 */
function thiduaAddSecretQuestion_(form, def) {
  var items = form.getItems();
  var code = -1;
  for (var i = 0; i < items.length; i++) {
    if (items[i].getTitle() === THIDUA_NAMES.secretHeader) return false;
    if (items[i].getTitle() === THIDUA_NAMES.unitCodeHeader) code = i;
  }
  var question = def.questions.filter(function (q) {
    return q.title === THIDUA_NAMES.secretHeader;
  })[0];
  if (!question) return false;
  var item = thiduaAddQuestion_(form, question);
  if (code >= 0) form.moveItem(item.getIndex(), code + 1);
  return true;
}

/**
 * Google names a new response sheet "Form Responses N"; rename it to the schema's tab, replacing an empty placeholder.
 * @param {GoogleAppsScript.Spreadsheet.Spreadsheet} spreadsheet
 * @param {GoogleAppsScript.Forms.Form} form
 * @param {string} tab
 */
function thiduaNameResponseSheet_(spreadsheet, form, tab) {
  var formId = form.getId();
  var sheets = spreadsheet.getSheets();
  var responses = null;
  for (var i = 0; i < sheets.length; i++) {
    var url = sheets[i].getFormUrl();
    if (url && url.indexOf(formId) >= 0) responses = sheets[i];
  }
  if (!responses) throw new Error('Không tìm thấy trang câu trả lời của biểu mẫu "' + tab + '".');
  var placeholder = spreadsheet.getSheetByName(tab);
  if (placeholder && placeholder.getSheetId() !== responses.getSheetId()) {
    if (placeholder.getLastRow() > 1) {
      throw new Error('Trang "' + tab + '" đã có dữ liệu; hãy đổi tên trang đó rồi chạy lại "Tạo biểu mẫu".');
    }
    spreadsheet.deleteSheet(placeholder);
  }
  responses.setName(tab);
  // The timestamp header follows the spreadsheet locale; the functions read it by its Vietnamese name.
  responses.getRange(1, 1).setValue(THIDUA_NAMES.timestampHeader);
  thiduaEnsureColumn_(responses, THIDUA_NAMES.editLinkHeader);
  responses.setFrozenRows(1);
}
