import { dpTrainingOptions, layerWidths, trainingOptions } from '../learned/options.js';
/** `tvae`: what it is and its options (the code is in index.ts). */
export const tvaeInfo = {
    name: 'tvae',
    description: 'TVAE (Xu et al. 2019): a variational autoencoder over mode-normalised numerics and one-hot categories; differentially private with --epsilon (DP-SGD on encoder and decoder)',
    privacy: 'either',
    modelFileNote: 'without --epsilon the tvae model file holds values read off the training rows (mixture modes, bounds): keep it as confidential as the data',
    options: [
        ...trainingOptions({ epochs: 100, batchSize: 500, lr: 0.001, patience: 10 }, { epochs: 20, batchSize: 2000, lr: 0.002 }),
        {
            name: 'embeddingDim',
            type: 'integer',
            min: 1,
            max: 1024,
            default: 128,
            help: 'size of the latent space',
        },
        layerWidths('compress', 'hidden widths of the encoder', [128, 128]),
        layerWidths('decompress', 'hidden widths of the decoder', [128, 128]),
        {
            name: 'lossFactor',
            type: 'number',
            min: 0,
            exclusiveMin: true,
            default: 2,
            help: 'weight of the reconstruction loss against the KL term (as CTGAN’s TVAE)',
        },
        { name: 'weightDecay', type: 'number', min: 0, default: 0.00001, help: 'L2 weight decay of Adam' },
        {
            name: 'decoding',
            type: 'enum',
            values: ['sample', 'argmax'],
            default: 'sample',
            help: 'how sampling picks each mode and category from the decoder: a draw from its softmax, or its argmax (CTGAN’s reference TVAE, which under-represents rare categories)',
        },
        ...dpTrainingOptions(),
    ],
};
//# sourceMappingURL=info.js.map