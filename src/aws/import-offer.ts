/**
 * `nuage catalog import`: an offer file's prices as one CatalogWrite. Re-importing replaces, per region,
 * the offer-file rows of what the file covers: instance prices for AmazonEC2, and the service-price keys
 * of the file's service (EBS/NAT/CPU credits/dedicated for AmazonEC2, `rds:` for AmazonRDS, …).
 */
import { InputError } from '../errors.js';
import { LIVE_SOURCE_DESCRIPTIONS, OFFER_FILE_SOURCE } from '../catalog/live-sources.js';
import { keyPrefixesOfService } from '../catalog/offer/service-groups.js';
import type { CatalogWrite } from '../store/catalog-repo.js';
import { readOfferFile, type OfferFileOptions, type OfferFileResult } from './offer-file.js';

export interface ImportOutcome {
  readonly write: CatalogWrite;
  readonly offer: OfferFileResult;
}

export async function importOfferFile(path: string, now: Date, options: OfferFileOptions = {}): Promise<ImportOutcome> {
  const offer = await readOfferFile(path, options);
  if (offer.ec2Prices.length === 0 && offer.servicePrices.length === 0) {
    throw new InputError(
      { file: offer.file },
      `no prices nuage uses${options.region ? ` for ${options.region}` : ''} in ${offer.products} products of this ${offer.offerCode} offer file: nothing stored`,
    );
  }
  const ec2 = offer.offerCode === 'AmazonEC2';
  return {
    offer,
    write: {
      kind: 'import',
      origin: offer.file,
      at: now.toISOString(),
      regions: offer.regions,
      replace: {
        ...(ec2 ? { onDemand: [OFFER_FILE_SOURCE], reserved: [OFFER_FILE_SOURCE] } : {}),
        services: [OFFER_FILE_SOURCE],
        serviceKeyPrefixes: keyPrefixesOfService(offer.offerCode),
      },
      sources: [{ id: OFFER_FILE_SOURCE, description: LIVE_SOURCE_DESCRIPTIONS[OFFER_FILE_SOURCE]!, asOf: offer.asOf, origin: offer.file }],
      ec2Prices: offer.ec2Prices,
      servicePrices: offer.servicePrices,
    },
  };
}
