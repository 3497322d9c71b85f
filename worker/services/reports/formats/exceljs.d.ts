// exceljs's Node entry (the one with the streaming writer); its types are the package's own.
declare module 'exceljs/lib/exceljs.nodejs.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
