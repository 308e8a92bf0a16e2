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
    max = headers.indexOf('Điểm tối đa'),
    types = headers.indexOf(THIDUA_NAMES.criterionTypesHeader);
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
      types: types < 0 ? [] : thiduaSplitTypes_(String(values[r][types])),
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
 * The types of a `Loại hình` cell, as parseUnitTypes() of sheets-schema reads them.
 * @param {string} text
 * @returns {string[]}
 */
function thiduaSplitTypes_(text) {
  return text
    .normalize('NFC')
    .split(/[,;\n]+/)
    .map(function (t) {
      return t.trim().replace(/\s+/g, ' ');
    })
    .filter(function (t) {
      return t !== '';
    });
}

/**
 * A unit type compared as unitTypeKey() of sheets-schema compares it.
 * @param {string} type
 */
function thiduaTypeKey_(type) {
  return type.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');
}

/**
 * The criteria as criterionLayout() of sheets-schema lays them out: the common ones, then one section per distinct list
 * of types. A type with criteria in two sections cannot be branched to (a section has one next page): refused.
 * @param {ScriptCriterion[]} criteria
 * @returns {{ common: ScriptCriterion[], sections: { types: string[], key: string, criteria: ScriptCriterion[] }[] }}
 */
function thiduaCriterionLayout_(criteria) {
  /** @type {ScriptCriterion[]} */
  var common = [];
  /** @type {{ types: string[], key: string, criteria: ScriptCriterion[] }[]} */
  var sections = [];
  criteria.forEach(function (c) {
    if (c.types.length === 0) return common.push(c);
    var keys = c.types.map(thiduaTypeKey_).filter(function (k, i, all) {
      return all.indexOf(k) === i;
    });
    var key = keys.sort().join('\n');
    var section = sections.filter(function (s) {
      return s.key === key;
    })[0];
    if (section) return section.criteria.push(c);
    return sections.push({ types: c.types, key: key, criteria: [c] });
  });
  /** @type {Object<string, number>} */
  var sectionOf = {};
  sections.forEach(function (s, i) {
    s.types.forEach(function (type) {
      var seen = sectionOf[thiduaTypeKey_(type)];
      if (seen !== undefined && seen !== i) {
        var codes = function (/** @type {number} */ n) {
          return sections[n].criteria
            .map(function (c) {
              return c.code;
            })
            .join(', ');
        };
        throw new Error(
          'Trang Tiêu chí: loại hình "' +
            type +
            '" có tiêu chí riêng trong hai nhóm có danh sách Loại hình khác nhau (' +
            codes(seen) +
            ' và ' +
            codes(i) +
            '); biểu mẫu Google chỉ rẽ nhánh được khi các tiêu chí riêng của một loại hình ghi cùng một danh sách Loại hình. Hãy sửa cột Loại hình rồi tạo lại biểu mẫu.',
        );
      }
      sectionOf[thiduaTypeKey_(type)] = i;
    });
  });
  return { common: common, sections: sections };
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
  var who =
    c.types.length > 0 ? ' Chỉ đơn vị loại hình ' + c.types.join(', ') + ' chấm; đơn vị loại hình khác để trống.' : '';
  return {
    title: thiduaCriterionHeader(c),
    kind: 'score',
    required: true,
    help: 'Nhóm: ' + c.group + '. Tự chấm từ 0 đến ' + String(c.maxScore).replace('.', ',') + ' điểm.' + who,
    min: 0,
    max: c.maxScore,
  };
}

/**
 * Every question of a form as a unit sees it, in formQuestions() order: the final report gains one score question per
 * criterion, common ones first, then each section's (`section`: its index); the nominations' award and kind questions
 * take the catalogue's options. The branching question lists the sections' types, then the other types, and is asked
 * only when some criterion has types.
 * @param {ScriptForm} def
 * @param {ScriptCriterion[]} criteria
 * @param {{ awards: string[], kinds: string[] }} catalogue
 * @returns {ScriptAsked[]}
 */
function thiduaQuestions(def, criteria, catalogue) {
  var layout = thiduaCriterionLayout_(def.withCriteria ? criteria : []);
  /** @type {string[]} */
  var typeOptions = [];
  layout.sections.forEach(function (s) {
    s.types.forEach(function (t) {
      var seen = typeOptions.some(function (o) {
        return thiduaTypeKey_(o) === thiduaTypeKey_(t);
      });
      if (!seen) typeOptions.push(t);
    });
  });
  typeOptions.push(THIDUA_NAMES.otherUnitType);
  /** @type {ScriptAsked[]} */
  var questions = [];
  def.questions.forEach(function (q) {
    if (q.optionsFrom === 'awards') return questions.push(Object.assign({}, q, { options: catalogue.awards }));
    if (q.optionsFrom === 'nomineeKinds') return questions.push(Object.assign({}, q, { options: catalogue.kinds }));
    // Required in the form, so that nobody skips the branching and lands in the first section.
    if (q.optionsFrom !== 'unitTypes') return questions.push(q);
    if (layout.sections.length === 0) return 0;
    return questions.push(Object.assign({}, q, { options: typeOptions, required: true }));
  });
  if (!def.withCriteria) return questions;
  questions = questions.concat(layout.common.map(thiduaCriterionQuestion_));
  layout.sections.forEach(function (s, i) {
    s.criteria.forEach(function (c) {
      questions.push(Object.assign(thiduaCriterionQuestion_(c), { section: i, sectionTypes: s.types }));
    });
  });
  return questions;
}

/**
 * Adds the questions, a page break before each section of criteria, and points each choice of the branching question
 * at its type's section (`Loại hình khác`: straight to submitting); each section ends the form.
 * @param {GoogleAppsScript.Forms.Form} form
 * @param {ScriptAsked[]} questions
 */
function thiduaAddQuestions_(form, questions) {
  /** @type {GoogleAppsScript.Forms.PageBreakItem[]} */
  var pages = [];
  /** @type {string[][]} */
  var pageTypes = [];
  /** @type {GoogleAppsScript.Forms.MultipleChoiceItem | null} */
  var branching = null;
  /** @type {string[]} */
  var branchOptions = [];
  questions.forEach(function (q) {
    if (q.section !== undefined && pages[q.section] === undefined) {
      var page = form.addPageBreakItem();
      var types = q.sectionTypes || [];
      page.setTitle('Tiêu chí riêng của loại hình ' + types.join(', '));
      // Reached from the section before it by going on: that section belongs to other types, so the form ends there.
      if (q.section > 0) page.setGoToPage(FormApp.PageNavigationType.SUBMIT);
      pages[q.section] = page;
      pageTypes[q.section] = types.map(thiduaTypeKey_);
    }
    var item = thiduaAddQuestion_(form, q);
    if (q.optionsFrom === 'unitTypes') {
      branching = /** @type {GoogleAppsScript.Forms.MultipleChoiceItem} */ (item);
      branchOptions = /** @type {string[]} */ (q.options);
    }
  });
  if (!branching) return;
  var choice = /** @type {GoogleAppsScript.Forms.MultipleChoiceItem} */ (branching);
  choice.setChoices(
    branchOptions.map(function (option) {
      var at = -1;
      pageTypes.forEach(function (keys, i) {
        if (keys.indexOf(thiduaTypeKey_(option)) >= 0) at = i;
      });
      return at < 0
        ? choice.createChoice(option, FormApp.PageNavigationType.SUBMIT)
        : choice.createChoice(option, pages[at]);
    }),
  );
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
    thiduaAddQuestions_(form, thiduaQuestions(def, criteria, catalogue));
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
    // The branching question's choices carry their sections: only creating the form anew lays them out again.
    if (!q.optionsFrom || q.optionsFrom === 'unitTypes') return;
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
