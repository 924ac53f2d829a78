import { wholeList } from '../listing';
import { locator, locatorId } from '../locators';
import { filterProperties, readFilters } from '../queryFilters';

export const { description, execute } = wholeList('device', 'getAlerts', {
	properties: [locator('device')],
	options: filterProperties(['lang', 'tz']),
	path: (inputs) => `/v2/device/${locatorId(inputs, 'device')}/alerts`,
	qs: (inputs) => readFilters(inputs, ['lang', 'tz'], 'options'),
});
