// Schemas of the Sheets v4 resources and batchUpdate requests the local server accepts.
import { list, obj, oneOf, type Schema } from './schema.ts';

const int = 'int' as const;
const str = 'string' as const;
const bool = 'bool' as const;
const num = 'number' as const;
const any = 'any' as const;

const DIMENSION = oneOf('Dimension', ['ROWS', 'COLUMNS', 'DIMENSION_UNSPECIFIED']);

const CONDITION_TYPES = [
  'CONDITION_TYPE_UNSPECIFIED',
  'NUMBER_GREATER',
  'NUMBER_GREATER_THAN_EQ',
  'NUMBER_LESS',
  'NUMBER_LESS_THAN_EQ',
  'NUMBER_EQ',
  'NUMBER_NOT_EQ',
  'NUMBER_BETWEEN',
  'NUMBER_NOT_BETWEEN',
  'TEXT_CONTAINS',
  'TEXT_NOT_CONTAINS',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'TEXT_EQ',
  'TEXT_IS_EMAIL',
  'TEXT_IS_URL',
  'DATE_EQ',
  'DATE_BEFORE',
  'DATE_AFTER',
  'DATE_ON_OR_BEFORE',
  'DATE_ON_OR_AFTER',
  'DATE_BETWEEN',
  'DATE_NOT_BETWEEN',
  'DATE_IS_VALID',
  'ONE_OF_RANGE',
  'ONE_OF_LIST',
  'BLANK',
  'NOT_BLANK',
  'CUSTOM_FORMULA',
  'BOOLEAN',
  'TEXT_NOT_EQ',
  'DATE_NOT_EQ',
  'FILTER_EXPRESSION',
] as const;

const Color: Schema = obj('Color', () => ({ red: num, green: num, blue: num, alpha: num }));
const ColorStyle: Schema = obj('ColorStyle', () => ({
  rgbColor: Color,
  themeColor: oneOf('ThemeColorType', [
    'THEME_COLOR_TYPE_UNSPECIFIED',
    'TEXT',
    'BACKGROUND',
    'ACCENT1',
    'ACCENT2',
    'ACCENT3',
    'ACCENT4',
    'ACCENT5',
    'ACCENT6',
    'LINK',
  ]),
}));

const GridRange: Schema = obj('GridRange', () => ({
  sheetId: int,
  startRowIndex: int,
  endRowIndex: int,
  startColumnIndex: int,
  endColumnIndex: int,
}));

const DimensionRange: Schema = obj('DimensionRange', () => ({
  sheetId: int,
  dimension: DIMENSION,
  startIndex: int,
  endIndex: int,
}));

const GridProperties: Schema = obj('GridProperties', () => ({
  rowCount: int,
  columnCount: int,
  frozenRowCount: int,
  frozenColumnCount: int,
  hideGridlines: bool,
  rowGroupControlAfter: bool,
  columnGroupControlAfter: bool,
}));

export const SheetProperties: Schema = obj('SheetProperties', () => ({
  sheetId: int,
  title: str,
  index: int,
  sheetType: oneOf('SheetType', ['SHEET_TYPE_UNSPECIFIED', 'GRID', 'OBJECT', 'DATA_SOURCE']),
  gridProperties: GridProperties,
  hidden: bool,
  tabColor: Color,
  tabColorStyle: ColorStyle,
  rightToLeft: bool,
  dataSourceSheetProperties: any,
}));

const NumberFormat: Schema = obj('NumberFormat', () => ({
  type: oneOf('NumberFormatType', [
    'NUMBER_FORMAT_TYPE_UNSPECIFIED',
    'TEXT',
    'NUMBER',
    'PERCENT',
    'CURRENCY',
    'DATE',
    'TIME',
    'DATE_TIME',
    'SCIENTIFIC',
  ]),
  pattern: str,
}));

const TextFormat: Schema = obj('TextFormat', () => ({
  foregroundColor: Color,
  foregroundColorStyle: ColorStyle,
  fontFamily: str,
  fontSize: int,
  bold: bool,
  italic: bool,
  strikethrough: bool,
  underline: bool,
  link: obj('Link', () => ({ uri: str })),
}));

const CellFormat: Schema = obj('CellFormat', () => ({
  numberFormat: NumberFormat,
  backgroundColor: Color,
  backgroundColorStyle: ColorStyle,
  borders: any,
  padding: any,
  horizontalAlignment: oneOf('HorizontalAlign', ['HORIZONTAL_ALIGN_UNSPECIFIED', 'LEFT', 'CENTER', 'RIGHT']),
  verticalAlignment: oneOf('VerticalAlign', ['VERTICAL_ALIGN_UNSPECIFIED', 'TOP', 'MIDDLE', 'BOTTOM']),
  wrapStrategy: oneOf('WrapStrategy', ['WRAP_STRATEGY_UNSPECIFIED', 'OVERFLOW_CELL', 'LEGACY_WRAP', 'CLIP', 'WRAP']),
  textDirection: oneOf('TextDirection', ['TEXT_DIRECTION_UNSPECIFIED', 'LEFT_TO_RIGHT', 'RIGHT_TO_LEFT']),
  textFormat: TextFormat,
  hyperlinkDisplayType: any,
  textRotation: any,
}));

export const SpreadsheetProperties: Schema = obj('SpreadsheetProperties', () => ({
  title: str,
  locale: str,
  timeZone: str,
  defaultFormat: CellFormat,
  autoRecalc: oneOf('RecalculationInterval', ['RECALCULATION_INTERVAL_UNSPECIFIED', 'ON_CHANGE', 'MINUTE', 'HOUR']),
  iterativeCalculationSettings: any,
  spreadsheetTheme: any,
  importFunctionsExternalUrlAccessAllowed: bool,
}));

const ExtendedValue: Schema = obj('ExtendedValue', () => ({
  numberValue: num,
  stringValue: str,
  boolValue: bool,
  formulaValue: str,
  errorValue: any,
}));

const BooleanCondition: Schema = obj('BooleanCondition', () => ({
  type: oneOf('ConditionType', CONDITION_TYPES),
  values: list(
    obj('ConditionValue', () => ({
      userEnteredValue: str,
      relativeDate: oneOf('RelativeDate', [
        'RELATIVE_DATE_UNSPECIFIED',
        'PAST_YEAR',
        'PAST_MONTH',
        'PAST_WEEK',
        'YESTERDAY',
        'TODAY',
        'TOMORROW',
      ]),
    })),
  ),
}));

const DataValidationRule: Schema = obj('DataValidationRule', () => ({
  condition: BooleanCondition,
  inputMessage: str,
  strict: bool,
  showCustomUi: bool,
}));

const CellData: Schema = obj('CellData', () => ({
  userEnteredValue: ExtendedValue,
  userEnteredFormat: CellFormat,
  dataValidation: DataValidationRule,
  note: str,
  textFormatRuns: any,
  pivotTable: any,
  dataSourceTable: any,
}));

const ProtectedRange: Schema = obj('ProtectedRange', () => ({
  protectedRangeId: int,
  range: GridRange,
  namedRangeId: str,
  tableId: str,
  description: str,
  warningOnly: bool,
  requestingUserCanEdit: bool,
  unprotectedRanges: list(GridRange),
  editors: obj('Editors', () => ({ users: list(str), groups: list(str), domainUsersCanEdit: bool })),
}));

const ConditionalFormatRule: Schema = obj('ConditionalFormatRule', () => ({
  ranges: list(GridRange),
  booleanRule: obj('BooleanRule', () => ({ condition: BooleanCondition, format: CellFormat })),
  gradientRule: any,
}));

const EmbeddedChart: Schema = obj('EmbeddedChart', () => ({
  chartId: int,
  spec: any,
  border: any,
  position: obj('EmbeddedObjectPosition', () => ({ sheetId: int, overlayPosition: any, newSheet: bool })),
}));

const BasicFilter: Schema = obj('BasicFilter', () => ({
  range: GridRange,
  tableId: str,
  sortSpecs: any,
  criteria: any,
  filterSpecs: any,
}));

const NamedRange: Schema = obj('NamedRange', () => ({ namedRangeId: str, name: str, range: GridRange }));

/** The request kinds this server applies, each with its documented fields. */
export const SUPPORTED: Readonly<Record<string, Schema>> = {
  addSheet: obj('AddSheetRequest', () => ({ properties: SheetProperties })),
  deleteSheet: obj('DeleteSheetRequest', () => ({ sheetId: int })),
  updateSheetProperties: obj('UpdateSheetPropertiesRequest', () => ({ properties: SheetProperties, fields: str })),
  updateSpreadsheetProperties: obj('UpdateSpreadsheetPropertiesRequest', () => ({
    properties: SpreadsheetProperties,
    fields: str,
  })),
  appendDimension: obj('AppendDimensionRequest', () => ({ sheetId: int, dimension: DIMENSION, length: int })),
  insertDimension: obj('InsertDimensionRequest', () => ({ range: DimensionRange, inheritFromBefore: bool })),
  deleteDimension: obj('DeleteDimensionRequest', () => ({ range: DimensionRange })),
  updateDimensionProperties: obj('UpdateDimensionPropertiesRequest', () => ({
    range: DimensionRange,
    dataSourceSheetRange: any,
    fields: str,
    properties: obj('DimensionProperties', () => ({
      pixelSize: int,
      hiddenByUser: bool,
      hiddenByFilter: bool,
      developerMetadata: any,
      dataSourceColumnReference: any,
    })),
  })),
  autoResizeDimensions: obj('AutoResizeDimensionsRequest', () => ({
    dimensions: DimensionRange,
    dataSourceSheetDimensions: any,
  })),
  repeatCell: obj('RepeatCellRequest', () => ({ range: GridRange, cell: CellData, fields: str })),
  updateCells: obj('UpdateCellsRequest', () => ({
    rows: list(obj('RowData', () => ({ values: list(CellData) }))),
    fields: str,
    range: GridRange,
    start: obj('GridCoordinate', () => ({ sheetId: int, rowIndex: int, columnIndex: int })),
  })),
  setDataValidation: obj('SetDataValidationRequest', () => ({
    range: GridRange,
    rule: DataValidationRule,
    filteredRowsIncluded: bool,
  })),
  addProtectedRange: obj('AddProtectedRangeRequest', () => ({ protectedRange: ProtectedRange })),
  updateProtectedRange: obj('UpdateProtectedRangeRequest', () => ({ protectedRange: ProtectedRange, fields: str })),
  deleteProtectedRange: obj('DeleteProtectedRangeRequest', () => ({ protectedRangeId: int })),
  addConditionalFormatRule: obj('AddConditionalFormatRuleRequest', () => ({ rule: ConditionalFormatRule, index: int })),
  updateConditionalFormatRule: obj('UpdateConditionalFormatRuleRequest', () => ({
    index: int,
    sheetId: int,
    rule: ConditionalFormatRule,
    newIndex: int,
  })),
  deleteConditionalFormatRule: obj('DeleteConditionalFormatRuleRequest', () => ({ index: int, sheetId: int })),
  addChart: obj('AddChartRequest', () => ({ chart: EmbeddedChart })),
  deleteEmbeddedObject: obj('DeleteEmbeddedObjectRequest', () => ({ objectId: int })),
  setBasicFilter: obj('SetBasicFilterRequest', () => ({ filter: BasicFilter })),
  addNamedRange: obj('AddNamedRangeRequest', () => ({ namedRange: NamedRange })),
};

/** Request kinds Google has that this server does not apply: named in a 400 rather than "unknown". */
export const KNOWN_UNSUPPORTED = new Set([
  'updateNamedRange',
  'deleteNamedRange',
  'autoFill',
  'cutPaste',
  'copyPaste',
  'mergeCells',
  'unmergeCells',
  'updateBorders',
  'addFilterView',
  'appendCells',
  'clearBasicFilter',
  'deleteFilterView',
  'duplicateFilterView',
  'duplicateSheet',
  'findReplace',
  'insertRange',
  'moveDimension',
  'updateEmbeddedObjectPosition',
  'pasteData',
  'textToColumns',
  'updateFilterView',
  'deleteRange',
  'sortRange',
  'updateChartSpec',
  'updateBanding',
  'addBanding',
  'deleteBanding',
  'createDeveloperMetadata',
  'updateDeveloperMetadata',
  'deleteDeveloperMetadata',
  'randomizeRange',
  'addDimensionGroup',
  'deleteDimensionGroup',
  'updateDimensionGroup',
  'trimWhitespace',
  'deleteDuplicates',
  'updateEmbeddedObjectBorder',
  'addSlicer',
  'updateSlicerSpec',
  'addDataSource',
  'updateDataSource',
  'deleteDataSource',
  'refreshDataSource',
  'cancelDataSourceRefresh',
  'addTable',
  'updateTable',
  'deleteTable',
]);
