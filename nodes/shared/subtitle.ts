import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Canvas subtitles in the editor's words ("Context: Add Text"), not the internal values
 * ("addText: context"). n8n evaluates a subtitle as an expression per node on the canvas, so the
 * names are looked up in a literal map built once from the node's own options.
 */

function namedOptions(property: INodeProperties | undefined): INodePropertyOptions[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).filter((option) => typeof option.name === 'string' && 'value' in option);
}

/** The expression text of a map literal; `}}` would end n8n's expression early, so braces are spaced. */
function mapLiteral(map: Record<string, string>): string {
	return JSON.stringify(map).replace(/}/g, ' }').replace(/{/g, '{ ');
}

/** "Resource: Operation" from the node's Resource and Operation options; unknown pairs show the operation's value. */
export function resourceOperationSubtitle(properties: INodeProperties[]): string {
	const names: Record<string, string> = {};
	for (const resource of namedOptions(properties.find((property) => property.name === 'resource'))) {
		for (const operation of properties.filter(
			(property) => property.name === 'operation' && (property.displayOptions?.show?.resource ?? []).includes(resource.value),
		)) {
			for (const option of namedOptions(operation)) names[`${String(resource.value)}:${String(option.value)}`] = `${resource.name}: ${option.name}`;
		}
	}
	return `={{ ${mapLiteral(names)}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}

/** The display names of an options parameter's values, as a map literal for a subtitle expression. */
export function optionNamesLiteral(property: INodeProperties | undefined): string {
	const names: Record<string, string> = {};
	for (const option of namedOptions(property)) names[String(option.value)] = option.name;
	return mapLiteral(names);
}
