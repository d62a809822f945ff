// Search folding for names in any script: the chain core's folding, shared by every search box.
export { foldText as foldForSearch } from '../../../src/core/chain/table';
