// Generated from glossarySchema (src/glossary/schema.ts) by scripts/generate-validators.mjs. Do not edit: npm run generate:validators
"use strict";
export const validate = validate10;
export default validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://versio.invalid/glossary.schema.json","title":"Versio named-entity glossary","description":"One entry per concept: the French forms to find in the source and the English form to write.","type":"object","additionalProperties":false,"required":["sourceLang","targetLang","entries"],"properties":{"sourceLang":{"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]+)*$","description":"BCP 47 tag, e.g. fr"},"targetLang":{"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]+)*$","description":"BCP 47 tag, e.g. en"},"entries":{"type":"array","items":{"$ref":"#/definitions/entry"}}},"definitions":{"entry":{"type":"object","additionalProperties":false,"required":["id","type","french","english"],"properties":{"id":{"type":"string","pattern":"^[a-z][a-z0-9]*(-[a-z0-9]+)*$","description":"Stable slug (lower case, digits, hyphens), starting with a letter so it is also an XML ID"},"type":{"enum":["person","place","organisation","other"]},"french":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$"},"description":"French forms: the canonical one first, then variants"},"english":{"type":"string","pattern":"^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$","description":"The English form wire services use"},"forbidden":{"type":"array","items":{"type":"string","pattern":"^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$"},"description":"English variants that must not appear"},"note":{"type":"string","description":"Why this form (for translators and reviewers)"},"policy":{"enum":["protect","provider"],"default":"protect","description":"protect: replaced by a placeholder the engine passes through; provider: sent as an engine glossary term"},"ignoreCase":{"type":"boolean","default":false,"description":"Match the French forms in any case"},"ignoreAccents":{"type":"boolean","default":false,"description":"Match the French forms with or without accents"},"article":{"enum":["the","none"],"default":"none","description":"What a French definite article before a form becomes: the (\"l'Etat islamique\" → \"the Islamic State\") or none (\"la Russie\" → \"Russia\")"}}}}};
const schema12 = {"type":"object","additionalProperties":false,"required":["id","type","french","english"],"properties":{"id":{"type":"string","pattern":"^[a-z][a-z0-9]*(-[a-z0-9]+)*$","description":"Stable slug (lower case, digits, hyphens), starting with a letter so it is also an XML ID"},"type":{"enum":["person","place","organisation","other"]},"french":{"type":"array","minItems":1,"items":{"type":"string","pattern":"^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$"},"description":"French forms: the canonical one first, then variants"},"english":{"type":"string","pattern":"^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$","description":"The English form wire services use"},"forbidden":{"type":"array","items":{"type":"string","pattern":"^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$"},"description":"English variants that must not appear"},"note":{"type":"string","description":"Why this form (for translators and reviewers)"},"policy":{"enum":["protect","provider"],"default":"protect","description":"protect: replaced by a placeholder the engine passes through; provider: sent as an engine glossary term"},"ignoreCase":{"type":"boolean","default":false,"description":"Match the French forms in any case"},"ignoreAccents":{"type":"boolean","default":false,"description":"Match the French forms with or without accents"},"article":{"enum":["the","none"],"default":"none","description":"What a French definite article before a form becomes: the (\"l'Etat islamique\" → \"the Islamic State\") or none (\"la Russie\" → \"Russia\")"}}};
const pattern0 = new RegExp("^[a-z]{2,3}(-[A-Za-z0-9]+)*$", "u");
const pattern2 = new RegExp("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "u");
const pattern3 = new RegExp("^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$", "u");
const func2 = Object.prototype.hasOwnProperty;

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://versio.invalid/glossary.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.sourceLang === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sourceLang"},message:"must have required property '"+"sourceLang"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.targetLang === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "targetLang"},message:"must have required property '"+"targetLang"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.entries === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "entries"},message:"must have required property '"+"entries"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "sourceLang") || (key0 === "targetLang")) || (key0 === "entries"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.sourceLang !== undefined){
let data0 = data.sourceLang;
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err4 = {instancePath:instancePath+"/sourceLang",schemaPath:"#/properties/sourceLang/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/sourceLang",schemaPath:"#/properties/sourceLang/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.targetLang !== undefined){
let data1 = data.targetLang;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err6 = {instancePath:instancePath+"/targetLang",schemaPath:"#/properties/targetLang/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
else {
const err7 = {instancePath:instancePath+"/targetLang",schemaPath:"#/properties/targetLang/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.entries !== undefined){
let data2 = data.entries;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.id === undefined){
const err8 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/definitions/entry/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3.type === undefined){
const err9 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/definitions/entry/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3.french === undefined){
const err10 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/definitions/entry/required",keyword:"required",params:{missingProperty: "french"},message:"must have required property '"+"french"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3.english === undefined){
const err11 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/definitions/entry/required",keyword:"required",params:{missingProperty: "english"},message:"must have required property '"+"english"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
for(const key1 in data3){
if(!(func2.call(schema12.properties, key1))){
const err12 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/definitions/entry/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data3.id !== undefined){
let data4 = data3.id;
if(typeof data4 === "string"){
if(!pattern2.test(data4)){
const err13 = {instancePath:instancePath+"/entries/" + i0+"/id",schemaPath:"#/definitions/entry/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"+"\""};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/entries/" + i0+"/id",schemaPath:"#/definitions/entry/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data3.type !== undefined){
let data5 = data3.type;
if(!((((data5 === "person") || (data5 === "place")) || (data5 === "organisation")) || (data5 === "other"))){
const err15 = {instancePath:instancePath+"/entries/" + i0+"/type",schemaPath:"#/definitions/entry/properties/type/enum",keyword:"enum",params:{allowedValues: schema12.properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data3.french !== undefined){
let data6 = data3.french;
if(Array.isArray(data6)){
if(data6.length < 1){
const err16 = {instancePath:instancePath+"/entries/" + i0+"/french",schemaPath:"#/definitions/entry/properties/french/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const len1 = data6.length;
for(let i1=0; i1<len1; i1++){
let data7 = data6[i1];
if(typeof data7 === "string"){
if(!pattern3.test(data7)){
const err17 = {instancePath:instancePath+"/entries/" + i0+"/french/" + i1,schemaPath:"#/definitions/entry/properties/french/items/pattern",keyword:"pattern",params:{pattern: "^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$"},message:"must match pattern \""+"^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$"+"\""};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/entries/" + i0+"/french/" + i1,schemaPath:"#/definitions/entry/properties/french/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/entries/" + i0+"/french",schemaPath:"#/definitions/entry/properties/french/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data3.english !== undefined){
let data8 = data3.english;
if(typeof data8 === "string"){
if(!pattern3.test(data8)){
const err20 = {instancePath:instancePath+"/entries/" + i0+"/english",schemaPath:"#/definitions/entry/properties/english/pattern",keyword:"pattern",params:{pattern: "^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$"},message:"must match pattern \""+"^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$"+"\""};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
else {
const err21 = {instancePath:instancePath+"/entries/" + i0+"/english",schemaPath:"#/definitions/entry/properties/english/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data3.forbidden !== undefined){
let data9 = data3.forbidden;
if(Array.isArray(data9)){
const len2 = data9.length;
for(let i2=0; i2<len2; i2++){
let data10 = data9[i2];
if(typeof data10 === "string"){
if(!pattern3.test(data10)){
const err22 = {instancePath:instancePath+"/entries/" + i0+"/forbidden/" + i2,schemaPath:"#/definitions/entry/properties/forbidden/items/pattern",keyword:"pattern",params:{pattern: "^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$"},message:"must match pattern \""+"^[^\\s\\u0000-\\u001F\\u007F-\\u009F](?:[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F])?$"+"\""};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/entries/" + i0+"/forbidden/" + i2,schemaPath:"#/definitions/entry/properties/forbidden/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/entries/" + i0+"/forbidden",schemaPath:"#/definitions/entry/properties/forbidden/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data3.note !== undefined){
if(typeof data3.note !== "string"){
const err25 = {instancePath:instancePath+"/entries/" + i0+"/note",schemaPath:"#/definitions/entry/properties/note/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data3.policy !== undefined){
let data12 = data3.policy;
if(!((data12 === "protect") || (data12 === "provider"))){
const err26 = {instancePath:instancePath+"/entries/" + i0+"/policy",schemaPath:"#/definitions/entry/properties/policy/enum",keyword:"enum",params:{allowedValues: schema12.properties.policy.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data3.ignoreCase !== undefined){
if(typeof data3.ignoreCase !== "boolean"){
const err27 = {instancePath:instancePath+"/entries/" + i0+"/ignoreCase",schemaPath:"#/definitions/entry/properties/ignoreCase/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data3.ignoreAccents !== undefined){
if(typeof data3.ignoreAccents !== "boolean"){
const err28 = {instancePath:instancePath+"/entries/" + i0+"/ignoreAccents",schemaPath:"#/definitions/entry/properties/ignoreAccents/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data3.article !== undefined){
let data15 = data3.article;
if(!((data15 === "the") || (data15 === "none"))){
const err29 = {instancePath:instancePath+"/entries/" + i0+"/article",schemaPath:"#/definitions/entry/properties/article/enum",keyword:"enum",params:{allowedValues: schema12.properties.article.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/entries/" + i0,schemaPath:"#/definitions/entry/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
else {
const err31 = {instancePath:instancePath+"/entries",schemaPath:"#/properties/entries/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
}
else {
const err32 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

