/**
 * Price List "Location" names → region codes. Newer offer files carry a "Region Code" column /
 * `regionCode` attribute; older ones (e.g. the 2020 Paris CSV) only the location name.
 */
const LOCATION_TO_REGION: Readonly<Record<string, string>> = {
  'US East (N. Virginia)': 'us-east-1',
  'US East (Ohio)': 'us-east-2',
  'US West (N. California)': 'us-west-1',
  'US West (Oregon)': 'us-west-2',
  'AWS GovCloud (US-East)': 'us-gov-east-1',
  'AWS GovCloud (US-West)': 'us-gov-west-1',
  'AWS GovCloud (US)': 'us-gov-west-1',
  'Africa (Cape Town)': 'af-south-1',
  'Asia Pacific (Hong Kong)': 'ap-east-1',
  'Asia Pacific (Taipei)': 'ap-east-2',
  'Asia Pacific (Tokyo)': 'ap-northeast-1',
  'Asia Pacific (Seoul)': 'ap-northeast-2',
  'Asia Pacific (Osaka)': 'ap-northeast-3',
  'Asia Pacific (Osaka-Local)': 'ap-northeast-3',
  'Asia Pacific (Mumbai)': 'ap-south-1',
  'Asia Pacific (Hyderabad)': 'ap-south-2',
  'Asia Pacific (Singapore)': 'ap-southeast-1',
  'Asia Pacific (Sydney)': 'ap-southeast-2',
  'Asia Pacific (Jakarta)': 'ap-southeast-3',
  'Asia Pacific (Melbourne)': 'ap-southeast-4',
  'Asia Pacific (Malaysia)': 'ap-southeast-5',
  'Asia Pacific (Thailand)': 'ap-southeast-7',
  'Canada (Central)': 'ca-central-1',
  'Canada West (Calgary)': 'ca-west-1',
  'EU (Frankfurt)': 'eu-central-1',
  'EU (Zurich)': 'eu-central-2',
  'EU (Stockholm)': 'eu-north-1',
  'EU (Milan)': 'eu-south-1',
  'EU (Spain)': 'eu-south-2',
  'EU (Ireland)': 'eu-west-1',
  'EU (London)': 'eu-west-2',
  'EU (Paris)': 'eu-west-3',
  'Israel (Tel Aviv)': 'il-central-1',
  'Middle East (UAE)': 'me-central-1',
  'Middle East (Bahrain)': 'me-south-1',
  'Mexico (Central)': 'mx-central-1',
  'South America (Sao Paulo)': 'sa-east-1',
};

/** The region of a Price List product: its regionCode, else its location name; undefined when unknown. */
export function regionOf(attributes: Readonly<Record<string, string>>): string | undefined {
  const code = attributes.regionCode?.trim();
  if (code) return code;
  const location = attributes.location?.trim();
  return location ? LOCATION_TO_REGION[location] : undefined;
}
