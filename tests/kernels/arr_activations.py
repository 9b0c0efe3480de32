"""Softmax and friends on whole arrays: ufuncs on arrays, fused reductions of
expressions (np.sum(np.exp(x - m))), np.where and np.maximum."""
import numpy as np
from numba.pycc import CC

cc = CC('k_arr_activations')


@cc.export('softmax', 'f8[:](f8[:])')
def softmax(x):
    e = np.exp(x - x.max())
    return e / e.sum()


@cc.export('logsumexp', 'f8(f8[:])')
def logsumexp(x):
    m = np.max(x)
    return m + np.log(np.sum(np.exp(x - m)))


@cc.export('sigmoid', 'f8[:, :](f8[:, :])')
def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


@cc.export('relu', 'f8[:, :](f8[:, :])')
def relu(x):
    return np.maximum(x, 0.0)


@cc.export('leaky_relu', 'f8[:](f8[:], f8)')
def leaky_relu(x, alpha):
    return np.where(x > 0, x, alpha * x)


@cc.export('gelu_tanh', 'f8[:](f8[:])')
def gelu_tanh(x):
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)))


@cc.export('softplus', 'f8[:](f8[:])')
def softplus(x):
    return np.log1p(np.exp(-np.abs(x))) + np.maximum(x, 0.0)


TESTS = {
    'softmax': '[n]-30:30 n=0:20',
    'logsumexp': '[n]-30:30 n=0:20',
    'sigmoid': '[n,m]-30:30 n=0:6 m=0:6',
    'relu': '[n,m]-5:5+nan n=0:6 m=0:6',
    'leaky_relu': '[n]-5:5 0:0.3 n=0:20',
    'gelu_tanh': '[n]-6:6 n=0:20',
    'softplus': '[n]-30:30 n=0:20',
}
